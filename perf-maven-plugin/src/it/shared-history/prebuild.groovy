import java.util.concurrent.TimeUnit

def java = new File(System.getProperty('java.home'), 'bin/java').path
def serverSource = new File(basedir, '../../../src/it/TestServer.java').canonicalPath
Process server = new ProcessBuilder(java, serverSource, '18441').redirectErrorStream(true)
        .redirectOutput(new File(basedir, 'server.log')).start()
try {
    def deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
    while (!new File(basedir, 'server.log').text.contains('test server on') && System.nanoTime() < deadline) {
        Thread.sleep(100)
    }
    def nested = evaluate(new File(basedir, '../../../src/it/NestedMaven.groovy'))
    def builds = []
    ['a', 'b'].each { project ->
        (1..3).each { n ->
            builds << nested(new File(basedir, project), ['perf:run'], new File(basedir, "build-${project}${n}.log"))
        }
    }
    builds.each { assert it.waitFor(180, TimeUnit.SECONDS) }
} finally {
    server.destroy()
    server.waitFor(10, TimeUnit.SECONDS)
}
return true
