package dev.perf.engine;

/**
 * Open-model arrivals waiting for a free slot under the {@link ConcurrencyCap}, oldest first: each an item of the mix
 * and its intended send time. Primitive arrays in a ring that grows by doubling, so queueing allocates nothing per
 * arrival. Used by the pacing event loop only.
 */
final class ArrivalQueue {
    private int[] items = new int[64];
    private long[] intendedNanos = new long[64];
    private int head;
    private int size;

    void add(int item, long intended) {
        if (size == items.length) {
            grow();
        }
        int tail = (head + size) & (items.length - 1);
        items[tail] = item;
        intendedNanos[tail] = intended;
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

    void removeHead() {
        head = (head + 1) & (items.length - 1);
        size--;
    }

    private void grow() {
        int[] newItems = new int[items.length * 2];
        long[] newIntended = new long[items.length * 2];
        int first = items.length - head;
        System.arraycopy(items, head, newItems, 0, first);
        System.arraycopy(items, 0, newItems, first, head);
        System.arraycopy(intendedNanos, head, newIntended, 0, first);
        System.arraycopy(intendedNanos, 0, newIntended, first, head);
        items = newItems;
        intendedNanos = newIntended;
        head = 0;
    }
}
