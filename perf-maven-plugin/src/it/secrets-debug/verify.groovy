// Every credential of the scenario, in every encoding it travels in, is absent from the -X console, every result
// file and the history.
def secrets = ['BEARERTOKEN5555', 'APIKEY3333', 'SECRET/QUERY+6666=', 'PASSWORDURL1111', 'COOKIEVALUE2222',
               'SESSIONVALUE7777']
def forms = secrets.collectMany { s ->
    [s, URLEncoder.encode(s, 'UTF-8'), URLEncoder.encode(s, 'UTF-8').toLowerCase(), s.bytes.encodeBase64().toString()]
} + ['user:PASSWORDURL1111'.bytes.encodeBase64().toString()]

def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]') : 'the build ran with -X'
assert log.contains('BUILD SUCCESS') : 'the build passed (see build.log)'
// the run did send what it was asked to: the check on the captured session failed, without showing it
assert log.contains('did not match (a secret takes part: the values are not shown)') : 'the check on the session failed'
// perf.debug printed the first four exchanges, and the dry run each step of the flow once, every one masked
assert log.contains('  exchange 4 of 4') && !log.contains('  exchange 5 of')
assert log.contains('Dry run of secrets, flow session, once') && log.contains('perf: dry run: 2 exchange(s) sent')
assert log.contains('  > Authorization: ***') && log.contains('  > X-Api-Key: ***')

def leaks = []
forms.unique().each { form ->
    if (log.contains(form)) {
        leaks << "build.log holds '${form}'"
    }
}
def files = []
new File(basedir, 'target/perf').eachFileRecurse { if (it.isFile()) files << it }
new File(basedir, '.perf').eachFileRecurse { if (it.isFile()) files << it }
assert files.any { it.name == 'summary.json' }
assert files.any { it.name == 'history.db' }
files.each { file ->
    def text = new String(file.bytes, 'ISO-8859-1')
    forms.unique().each { form ->
        if (text.contains(form)) {
            leaks << "${file} holds '${form}'"
        }
    }
}
assert leaks.isEmpty() : leaks.join('\n')
