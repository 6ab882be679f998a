def log = new File(basedir, 'build.log').text
// validate ran first, then run (which reported without failing), then verify failed the build
def validated = log.indexOf('perf: 1 scenario(s) valid: verified')
def reported = log.indexOf('(not failing here: perf.failOnThreshold=false)')
def verified = log.indexOf('perf-maven-plugin:0.1.0-SNAPSHOT:verify')
assert validated >= 0 && reported > validated && verified > reported
assert log.contains('Target stopped')
assert log.contains('perf: the verdict is failed (2 reason(s)):')
assert log.contains('verified: breach: rps >= 100000')
assert log.contains('BUILD FAILURE')
def output = new File(basedir, 'target/perf')
assert new File(output, 'junit.xml').isFile()
assert new File(output, 'summary.md').isFile()
assert new File(output, 'index.html').isFile()
return true
