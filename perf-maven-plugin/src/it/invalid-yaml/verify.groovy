def log = new File(basedir, 'build.log').text
assert log.contains('broken.yaml:9:3: load.durration: unknown key \'durration\'; did you mean \'duration\'?')
assert log.contains('invalid scenario: nothing was sent')
assert log.contains('BUILD FAILURE')
// nothing was started or sent, no stack trace was shown
assert !log.contains('Starting the target')
assert !log.contains('at dev.perf.')
assert !new File(basedir, 'target/perf/summary.json').exists()
return true
