import java.util.concurrent.TimeUnit

// PostgreSQL from the machine (Debian's postgresql package), in a folder of this build, on port 18447
def bin = new File('/usr/lib/postgresql').listFiles()?.findAll { new File(it, 'bin/initdb').canExecute() }
        ?.max { (it.name.replaceAll('\\D.*', '') ?: '0') as int }?.with { new File(it, 'bin') }
if (bin == null) {
    if (System.getenv('CI') == 'true') {
        throw new IllegalStateException('PostgreSQL is not installed (apt-get install postgresql); under CI it must run')
    }
    new File(basedir, 'skipped.txt').text = 'PostgreSQL is not installed: apt-get install postgresql to run this IT'
    println new File(basedir, 'skipped.txt').text
    return true
}
def password = 'it-Pg-Pa55word'
def port = 18447
def pg = new File(basedir, 'pg')
pg.mkdirs()
new File(pg, 'password').text = password + '\n'
def root = System.getProperty('user.name') == 'root'
def exec = { List<String> command, boolean asServer ->
    def full = (asServer && root ? ['runuser', '-u', 'postgres', '--'] : []) + command
    def p = new ProcessBuilder(full).redirectErrorStream(true).start()
    def out = p.inputStream.text
    assert p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0: "${full.join(' ')}: ${out}"
}
if (root) {
    exec(['chown', '-R', 'postgres:postgres', pg.path], false)
}
exec(["${bin}/initdb", '-D', "${pg}/data", '-U', 'perf', "--pwfile=${pg}/password", '--auth=scram-sha-256',
      '--encoding=UTF8', '--locale=C'].collect { it.toString() }, true)
exec(["${bin}/pg_ctl", '-D', "${pg}/data", '-w', '-t', '60', '-l', "${pg}/server.log", '-o',
      "-p ${port} -k ${pg} -c listen_addresses=127.0.0.1 -c fsync=off", 'start'].collect { it.toString() }, true)

def java = new File(System.getProperty('java.home'), 'bin/java').path
def serverSource = new File(basedir, '../../../src/it/TestServer.java').canonicalPath
Process server = new ProcessBuilder(java, serverSource, '18446').redirectErrorStream(true)
        .redirectOutput(new File(basedir, 'server.log')).start()
try {
    def deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
    while (!new File(basedir, 'server.log').text.contains('test server on') && System.nanoTime() < deadline) {
        Thread.sleep(100)
    }
    def env = ['PGPASSWORD': password]
    exec(["${bin}/psql", '-h', '127.0.0.1', '-p', "${port}", '-U', 'perf', '-d', 'postgres', '-c',
          'CREATE DATABASE perf'].collect { it.toString() }.with { cmd ->
        ['env', "PGPASSWORD=${password}".toString()] + cmd }, false)

    // a settings.xml with the history's server entry, as a CI runner's would have
    def settings = new File(basedir, '../interpolated-settings.xml').text
            .replace('<profiles>', "<servers><server><id>perf-history</id><username>perf</username><password>${password}</password></server></servers><profiles>")
    new File(basedir, 'settings-with-server.xml').text = settings

    def url = "jdbc:postgresql://127.0.0.1:${port}/perf"
    def mvn = { String name, List<String> args, Map<String, String> environment, String settingsFile ->
        def command = [new File(System.getProperty('maven.home'), 'bin/mvn').path, '-B', '-s', settingsFile,
                       "-Dmaven.repo.local=${localRepositoryPath}".toString(),
                       "-Dperf.it.server=${serverSource}".toString()] + args
        def builder = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
                .redirectOutput(new File(basedir, "${name}.log"))
        builder.environment().putAll(environment)
        def p = builder.start()
        assert p.waitFor(300, TimeUnit.SECONDS): "${name} did not finish"
        new File(basedir, "${name}.exit").text = p.exitValue().toString()
    }
    def plain = new File(basedir, '../interpolated-settings.xml').canonicalPath
    def withServer = new File(basedir, 'settings-with-server.xml').canonicalPath
    def credentials = ['PERF_HISTORY_USER': 'perf', 'PERF_HISTORY_PASSWORD': password]
    mvn('run-sqlite', ['perf:run'], [:], plain)
    mvn('copy-1', ['perf:history', "-Dperf.history=${url}".toString(), '-Dperf.historyCopyFrom=.perf/history.db'],
            credentials, plain)
    mvn('copy-2', ['perf:history', "-Dperf.history=${url}".toString(), '-Dperf.historyCopyFrom=.perf/history.db'],
            credentials, plain)
    mvn('run-postgres', ['perf:run', "-Dperf.history=${url}".toString(), '-Dperf.historyServer=perf-history'], [:],
            withServer)
    // eight builds at once, as eight CI runners would, each with its own output folder
    def parallel = (1..8).collect { n -> Thread.start {
        mvn("runner-${n}".toString(), ['perf:run', "-Dperf.history=${url}".toString(),
                                       "-Dperf.outputDirectory=target/runner-${n}".toString()], credentials, plain)
    } }
    parallel.each { it.join() }
    mvn('history-postgres', ['perf:history', "-Dperf.history=${url}".toString()], credentials, plain)
    mvn('report-postgres', ['perf:report', "-Dperf.history=${url}".toString(), '-Dperf.outputDirectory=target/report'],
            credentials, plain)
    mvn('run-down-required', ['perf:run', '-Dperf.history=jdbc:postgresql://127.0.0.1:18448/perf'], credentials, plain)
    mvn('run-down-optional', ['perf:run', '-Dperf.history=jdbc:postgresql://127.0.0.1:18448/perf',
                              '-Dperf.historyRequired=false'], credentials, plain)
    mvn('password-in-url', ['perf:run', "-Dperf.history=${url}?password=${password}".toString()], [:], plain)
} finally {
    server.destroy()
    server.waitFor(10, TimeUnit.SECONDS)
    exec(["${bin}/pg_ctl", '-D', "${pg}/data", '-m', 'fast', '-w', 'stop'].collect { it.toString() }, true)
}
return true
