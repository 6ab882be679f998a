import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('flow iterations were cut short when the load ended')
def output = new File(basedir, 'target/perf')
def index = new JsonSlurper().parse(new File(output, 'summary.json'))
def summary = new JsonSlurper().parse(new File(output, index.runs[0].summary))
assert summary.generator.iterationsCutShort == 2
assert summary.generator.unfinished == 0
// each user sent its first step, then thought: the end of the load stopped both iterations there
assert summary.overall.count == 2
// what the run decided: the load's duration, not the think time (3 s + the 5 s timeout + slack for a busy machine)
assert summary.load.elapsedSeconds < 3 + 5 + 10
def seconds = (log =~ /Total time:\s+([\d.]+) s/)
assert seconds.find() && Double.parseDouble(seconds.group(1)) < 120 : 'the build sat out the think time'
return true
