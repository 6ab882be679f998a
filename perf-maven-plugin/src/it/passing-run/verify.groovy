import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Target is up')
assert log.contains('PASS          success-rate >= 99%')
assert log.contains('PASS          count >= 1 (default gate)')
assert log.contains('BUILD SUCCESS')
// the run is recorded in the history beside the pom, and perf:history reads it back
assert new File(basedir, '.perf/history.db').isFile()
assert log.contains('history: recorded in')
assert log.contains('Performance over the last 7 days')
assert log =~ /passing\s+home\s+1\s+40\s+100\.00%/

def output = new File(basedir, 'target/perf')
def index = new JsonSlurper().parse(new File(output, 'summary.json'))
assert index.verdict == 'passed'
assert index.runs.size() == 1

def runDir = new File(output, index.runs[0].runId)
def summary = new JsonSlurper().parse(new File(runDir, 'summary.json'))
assert summary.scenario == 'passing'
assert summary.verdict == 'passed'
assert summary.overall.count == 40
assert summary.overall.ok == 40
assert summary.requests[0].name == 'home'
assert summary.requests[0].latencyMs.p99 != null
assert summary.thresholds.every { it.passed }
assert new File(runDir, 'latency.hlog').length() > 0
// the dashboard: an index of the build's runs and a page per run
assert new File(output, 'index.html').text.contains(index.runs[0].runId + '/index.html')
assert new File(runDir, 'index.html').text.contains('<svg class="chart"')
assert new File(output, 'dashboard.css').isFile()
// the service the build started is watched beside the machine and the generator
def resources = new JsonSlurper().parse(new File(runDir, 'resources.json'))
assert resources.target.endsWith('started by the run')
assert resources.watched == ['machine', 'generator', 'target']
// 40 requests usually take less than the 1 s monitor interval (a busy machine may take longer): without a sample
// a figure is absent rather than zero
if (summary.resources.sampleCount == 0) {
    assert summary.resources.summary.generator.memory.max == null
} else {
    assert summary.resources.summary.generator.memory.max > 0
}
assert summary.generator.saturated instanceof Boolean
// CI outputs: every test case passed, and the job summary says so
def suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(output, 'junit.xml')).documentElement
assert suite.tagName == 'testsuite'
assert suite.getAttribute('failures') == '0'
// run completed, generator kept up, 2 thresholds, the default gate count >= 1
assert suite.getElementsByTagName('testcase').length == 2 + 2 + 1
assert new File(output, 'summary.md').text.startsWith('## perf: passed')
return true
