import groovy.json.JsonSlurper

def nested = new File(basedir, 'interrupted-build.log').text
// the run stopped soon after the signal (a few seconds), not when the 20 s responses or the 10 min think would end
assert Double.parseDouble(new File(basedir, 'exit-seconds.txt').text) < 20 : nested
def output = new File(basedir, 'target/perf')
def index = new JsonSlurper().parse(new File(output, 'summary.json'))
assert index.status == 'partial'
assert index.verdict == 'failed'
def summary = new JsonSlurper().parse(new File(output, index.runs[0].summary))
assert summary.status == 'partial'
assert summary.generator.unfinished == 2
assert new File(output, 'junit.xml').text.contains('classname="perf.drain"')
// the history row: perf:history reads the interrupted run back
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /drain\s+ALL\s+1\s/ : log
return true
