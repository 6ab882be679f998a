// Starts a nested Maven build of the plugin under test, as a user's shell would, for ITs that kill or signal a run.
// Evaluated by the prebuild scripts: def nested = evaluate(new File(basedir, '../../../src/it/NestedMaven.groovy'))
return { File dir, List<String> goals, File log ->
    def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
    def settings = new File(basedir, '../interpolated-settings.xml').canonicalPath
    def command = [mvn, '-B', '-s', settings, "-Dmaven.repo.local=${localRepositoryPath}".toString(),
                   "-Dperf.it.server=${new File(basedir, '../../../src/it/TestServer.java').canonicalPath}".toString()]
    command.addAll(goals)
    new ProcessBuilder(command).directory(dir).redirectErrorStream(true).redirectOutput(log).start()
}
