// every invocation failed on its property, before the target was started or a request sent
def log = new File(basedir, 'build.log').text
def expected = [
    'perf.ioThreads=100000 is not valid; from 1 to 256, or 0 for one per processor',
    'perf.regressionTolerance=NaN is not valid; a percentage from 0 to 1000',
    "perf.scenario='[': '[' is not a valid glob",
    "perf.scenario='get[a-': 'get[a-' is not a valid glob",
    "perf.readyUrl: 'ftp://127.0.0.1:18445/' is not valid; expected an absolute http:// or https:// URL",
    "perf.baseUrl: 'http://127.0.0.1:99999' has port 99999; a port is from 1 to 65535",
    "perf.progressInterval='99999999999h' is not valid",
    "perf.readyTimeout: 'forever' is not a duration",
    "perf.onSaturatedGenerator='maybe' is not valid",
    'perf.baselineRuns=0 is not valid; from 1 to 1000',
    "perf.history='jdbc:mysql://127.0.0.1/perf' is not valid: give a SQLite file's path, a jdbc:sqlite: URL, a jdbc:postgresql://host:port/database URL, or off",
    "perf.groupBy='week' is not valid; use day or run",
    "perf.shard='5/4' is not a shard: give I/N",
    "perf.startAt='tomorrow' is not an instant",
    'perf.metrics.port=ninety is not valid; a port from 1 to 65535, e.g. 9464, or 0 for any free one',
    "perf.otlp.endpoint: 'grpc://127.0.0.1:4317' is not an http:// or https:// URL",
    "perf.otlp.interval='10ms' is outside 1s to 1h",
]
def missing = expected.findAll { !log.contains(it) }
assert missing.isEmpty() : 'not in build.log: ' + missing
assert !new File(basedir, 'target/perf/target-process.log').exists() : 'no target was started'
assert !log.contains('Target is up')
assert !log.contains('Running bad-properties')
