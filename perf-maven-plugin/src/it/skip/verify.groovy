def log = new File(basedir, 'build.log').text
assert log.contains('perf:run skipped (perf.skip=true)')
assert !log.contains('Starting the target')
assert !new File(basedir, 'target/perf').exists()
return true
