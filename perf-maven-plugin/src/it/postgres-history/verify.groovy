if (new File(basedir, 'skipped.txt').exists()) {
    println new File(basedir, 'skipped.txt').text
    return true
}
def log = { String name -> new File(basedir, "${name}.log").text }
def exit = { String name -> new File(basedir, "${name}.exit").text.trim() as int }
def url = 'jdbc:postgresql://127.0.0.1:18447/perf'

assert exit('run-sqlite') == 0
assert exit('copy-1') == 0 && log('copy-1').contains("copied 1 run(s) from ${new File(basedir, '.perf/history.db').canonicalPath} into ${url}")
assert exit('copy-2') == 0 && log('copy-2').contains('copied 0 run(s)') && log('copy-2').contains('(all were there already)')
assert exit('run-postgres') == 0 && log('run-postgres').contains("history: recorded in ${url}")
(1..8).each { n -> assert exit("runner-${n}") == 0 && log("runner-${n}").contains("history: recorded in ${url}") }
assert exit('history-postgres') == 0 && log('history-postgres').contains("History: ${url}")
// the copied run, the one with settings.xml's credentials and the eight at once: ten runs of checkout, every one whole
assert log('history-postgres').readLines().any { it =~ /checkout\s+ALL\s+10\s+300\s/ }
assert exit('report-postgres') == 0 && new File(basedir, 'target/report/index.html').exists()
assert new File(basedir, 'target/report/trends/checkout.html').exists()

// the server is down: the build fails unless the history is not required; the results are written either way
assert exit('run-down-required') != 0
assert log('run-down-required').contains('cannot connect to jdbc:postgresql://127.0.0.1:18448/perf')
assert log('run-down-required').contains('127.0.0.1:18448')
assert exit('run-down-optional') == 0 && log('run-down-optional').contains('perf.historyRequired=false')

// a password in the URL is refused before anything runs, and not repeated
assert exit('password-in-url') != 0
assert log('password-in-url').contains('PERF_HISTORY_PASSWORD')

// the password is in no log and no result file
def password = 'it-Pg-Pa55word'
(['run-sqlite', 'copy-1', 'copy-2', 'run-postgres', 'history-postgres', 'report-postgres', 'run-down-required',
  'run-down-optional', 'password-in-url'] + (1..8).collect { "runner-${it}".toString() }).each { assert !log(it).contains(password): "${it}.log has the password" }
new File(basedir, 'target').eachFileRecurse { f ->
    if (f.isFile() && !f.name.endsWith('.log')) {
        assert !f.getText('ISO-8859-1').contains(password): "${f} has the password"
    }
}
return true
