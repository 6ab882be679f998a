def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert new File(basedir, '.perf/history.db').isFile()

def output = new File(basedir, 'target/perf')
// mvn clean removed this build's results: what follows came from the history alone
assert !new File(output, 'summary.json').exists()
def index = new File(output, 'index.html').text
assert index.contains('trends/reported.html')
assert index.contains('trend of 2 runs')
assert index.contains('<svg class="spark"')
def trend = new File(output, 'trends/reported.html').text
assert trend.contains('aria-label="Latency across runs"')
// run ids end in a random suffix, unique across machines sharing a history
def runs = output.listFiles().findAll { it.isDirectory() && it.name ==~ /.*-reported-[0-9a-v]{6}/ }
assert runs.size() == 2
runs.each { run ->
    def page = new File(run, 'index.html').text
    assert page.contains('<svg class="chart"')
    assert page.contains('href="../trends/reported.html"')
    assert trend.contains('../' + run.name + '/index.html')
}
assert log.contains('Dashboard: file:')
return true
