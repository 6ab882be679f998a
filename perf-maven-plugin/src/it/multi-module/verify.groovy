def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
['orders', 'customers'].each { m ->
    def module = new File(basedir, m)
    assert new File(module, 'target/perf/summary.json').text.contains('"verdict" : "passed"')
    assert new File(module, 'target/perf/junit.xml').isFile()
    assert new File(module, 'target/perf/index.html').isFile()
    assert new File(module, '.perf/history.db').isFile()
    assert log.contains("perf: 1 scenario(s) valid: ${m}")
}
return true
