import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('2 threshold(s) breached')
assert log.contains('breach: rps >= 100000  (measured ')
assert log.contains('breach: home.p50 <= 1us  (measured ')
assert log.contains('-Dperf.failOnThreshold=false')
assert log.contains('BUILD FAILURE')
// results are written even though the build fails
def index = new JsonSlurper().parse(new File(basedir, 'target/perf/summary.json'))
assert index.verdict == 'failed'
assert index.runs[0].breaches.size() == 2
// the target was stopped
assert log.contains('Target stopped')
return true
