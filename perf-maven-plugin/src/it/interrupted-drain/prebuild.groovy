import java.util.concurrent.TimeUnit

def nested = evaluate(new File(basedir, '../../../src/it/NestedMaven.groovy'))
def log = new File(basedir, 'interrupted-build.log')
Process build = nested(basedir, ['perf:run'], log)
def deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90)
while (System.nanoTime() < deadline && build.isAlive() && !log.text.contains('Running drain:')) {
    Thread.sleep(100)
}
assert build.isAlive() : log.text
Thread.sleep(3000) // the second of load is over: the run waits for the held responses
assert build.isAlive() : log.text
long signalled = System.nanoTime()
build.toHandle().destroy() // SIGTERM: what Ctrl-C does to Maven's JVM
assert build.waitFor(60, TimeUnit.SECONDS) : log.text
new File(basedir, 'exit-seconds.txt').text = String.format(Locale.ROOT, '%.1f', (System.nanoTime() - signalled) / 1e9)
return true
