import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('level 1/3  20/s: ')
assert log.contains('level 3/3  60/s: ')
assert log.contains('scalability (rate steps; throughput counts successful responses):')
assert log.contains('breakpoint:            not reached up to 60/s')
assert log.contains('PASS          breakpoint >= 60/s  (not reached up to 60/s)')
assert log.contains('BUILD SUCCESS')

def output = new File(basedir, 'target/perf')
def index = new JsonSlurper().parse(new File(output, 'summary.json'))
def summary = new JsonSlurper().parse(new File(new File(output, index.runs[0].runId), 'summary.json'))
assert summary.load.shape == 'steps'
assert summary.stages.size() == 5
assert summary.stages[1].type == 'pause'
assert summary.stages.findAll { it.level != null }.collect { it.overall.count + it.overall.dropped } == [20, 40, 60]
assert summary.scalability.levels.size() == 3
assert summary.scalability.breakpoint.status == 'not-reached'
assert summary.scalability.optimalLoad.status == 'found'
assert summary.scalability.stoppedEarly == null
return true
