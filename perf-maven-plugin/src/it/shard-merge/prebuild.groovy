import java.time.Instant
import java.util.concurrent.TimeUnit

def java = new File(System.getProperty('java.home'), 'bin/java').path
def serverSource = new File(basedir, '../../../src/it/TestServer.java').canonicalPath
Process server = new ProcessBuilder(java, serverSource, '18449').redirectErrorStream(true)
        .redirectOutput(new File(basedir, 'server.log')).start()
try {
    def deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
    while (!new File(basedir, 'server.log').text.contains('test server on') && System.nanoTime() < deadline) {
        Thread.sleep(100)
    }
    def settings = new File(basedir, '../interpolated-settings.xml').canonicalPath
    def mvn = { String name, List<String> args ->
        def command = [new File(System.getProperty('maven.home'), 'bin/mvn').path, '-B', '-s', settings,
                       "-Dmaven.repo.local=${localRepositoryPath}".toString()] + args
        def p = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
                .redirectOutput(new File(basedir, "${name}.log")).start()
        assert p.waitFor(300, TimeUnit.SECONDS): "${name} did not finish"
        new File(basedir, "${name}.exit").text = p.exitValue().toString()
    }
    // two CI jobs of one matrix: the same run key, the same start, each its own output folder
    def startAt = Instant.now().plusSeconds(25).toString()
    def shards = (1..2).collect { n -> Thread.start {
        mvn("shard-${n}".toString(), ['perf:run', "-Dperf.shard=${n}/2".toString(), '-Dperf.runKey=it-run-1',
                                      "-Dperf.startAt=${startAt}".toString(),
                                      "-Dperf.outputDirectory=target/shard-${n}".toString()])
    } }
    shards.each { it.join() }
    // refused before anything is recorded: a missing shard, then a shard given twice
    mvn('merge-missing', ['perf:merge', '-Dperf.shardResults=target/shard-1'])
    def from = new File(basedir, 'target/shard-1').toPath()
    def to = new File(basedir, 'target/again-1').toPath()
    java.nio.file.Files.walk(from).forEach { p -> java.nio.file.Files.copy(p, to.resolve(from.relativize(p).toString())) }
    mvn('merge-twice', ['perf:merge', '-Dperf.shardResults=target/shard-*,target/again-1'])
    mvn('merge', ['perf:merge', '-Dperf.shardResults=target/shard-*'])
    mvn('history', ['perf:history'])
    mvn('merge-partial', ['perf:merge', '-Dperf.shardResults=target/shard-2', '-Dperf.mergePartial=true',
                          '-Dperf.outputDirectory=target/partial', '-Dperf.history=off'])
} finally {
    server.destroy()
    server.waitFor(10, TimeUnit.SECONDS)
}
return true
