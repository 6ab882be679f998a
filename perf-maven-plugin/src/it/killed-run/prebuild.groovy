import java.util.concurrent.TimeUnit

// an earlier, passing invocation's verdict: the killed run must not leave it standing
def output = new File(basedir, 'target/perf')
output.mkdirs()
new File(output, 'summary.json').text = '{"schemaVersion": 1, "verdict": "passed", "status": "completed", "runs": []}'

def nested = evaluate(new File(basedir, '../../../src/it/NestedMaven.groovy'))
def log = new File(basedir, 'killed-build.log')
Process build = nested(basedir, ['perf:run'], log)
def deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90)
// wait until the load runs: a run folder exists and the log shows the target up
while (System.nanoTime() < deadline && build.isAlive()
        && !(log.text.contains('Target is up') && output.listFiles().any { it.isDirectory() })) {
    Thread.sleep(100)
}
Thread.sleep(1500)
assert build.isAlive() : log.text
def children = build.toHandle().descendants().toList()
build.toHandle().destroyForcibly() // kill -9: no shutdown hook runs
children.each { it.destroyForcibly() } // the target the killed run had started would outlive it
assert build.waitFor(30, TimeUnit.SECONDS)
new File(basedir, 'killed-pid.txt').text = Long.toString(build.pid())
return true
