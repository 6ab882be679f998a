import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def pid = new File(basedir, 'killed-pid.txt').text.trim()
assert log.contains('BUILD FAILURE')
assert log.contains("(pid ${pid}) never finished: it was killed or crashed")
assert !log.contains('the verdict in')
// the killed run's folder says it was running; the next perf:run marks it crashed
def output = new File(basedir, 'target/perf')
def runs = output.listFiles().findAll { it.isDirectory() && it.name ==~ /.*-long-[0-9a-v]{6}/ }
assert runs.size() == 1
def summary = new JsonSlurper().parse(new File(runs[0], 'summary.json'))
assert summary.status == 'running'
assert summary.pid.toString() == pid
return true
