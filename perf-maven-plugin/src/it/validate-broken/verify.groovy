def log = new File(basedir, 'build.log').text
assert log.contains('1 invalid scenario file(s):')
// the same messages as perf:run, with file, line and column
assert log.contains("broken.yaml:6:29: flows[0].steps[0].path: property 'id' is not defined")
assert log.contains("broken.yaml:8:")
assert log.contains('BUILD FAILURE')
// nothing was started, nothing was sent, nothing was written, no stack trace
assert !log.contains('Starting the target')
assert !log.contains('Running good') && !log.contains('Running broken')
assert !new File(basedir, 'target/perf').exists()
assert !log.contains('at dev.perf.')
return true
