package dev.perf.engine;

/**
 * Open-model arrivals waiting for a free slot, oldest first: each an item of the mix, its intended send time and
 * whether its send lag was recorded when it arrived (a wait at {@code maxInFlight} is the target's, not lateness). Primitive arrays in a ring that grows by doubling, so queueing allocates nothing per
 * arrival. Used by the pacing event loop only.
 */
final class ArrivalQueue {
    private int[] items = new int[64];
    private long[] intendedNanos = new long[64];
    private boolean[] lagRecorded = new boolean[64];
    private int head;
    private int size;

    void add(int item, long intended, boolean lagAlreadyRecorded) {
        if (size == items.length) {
            grow();
        }
        int tail = (head + size) & (items.length - 1);
        items[tail] = item;
        intendedNanos[tail] = intended;
        lagRecorded[tail] = lagAlreadyRecorded;
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The oldest arrival's item; {@link #intendedOfHead()} gives its time. */
    int headItem() {
        return items[head];
    }

    long intendedOfHead() {
        return intendedNanos[head];
    }

    boolean lagRecordedOfHead() {
        return lagRecorded[head];
    }

    void removeHead() {
        head = (head + 1) & (items.length - 1);
        size--;
    }

    private void grow() {
        int[] newItems = new int[items.length * 2];
        long[] newIntended = new long[items.length * 2];
        boolean[] newLagRecorded = new boolean[items.length * 2];
        int first = items.length - head;
        System.arraycopy(items, head, newItems, 0, first);
        System.arraycopy(items, 0, newItems, first, head);
        System.arraycopy(intendedNanos, head, newIntended, 0, first);
        System.arraycopy(intendedNanos, 0, newIntended, first, head);
        System.arraycopy(lagRecorded, head, newLagRecorded, 0, first);
        System.arraycopy(lagRecorded, 0, newLagRecorded, first, head);
        items = newItems;
        intendedNanos = newIntended;
        lagRecorded = newLagRecorded;
        head = 0;
    }
}
