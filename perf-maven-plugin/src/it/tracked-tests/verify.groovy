// Every tracked test class of both Surefire forks and of Failsafe landed in the one history, with its counts;
// the breach failed its test with the measured value; perf:report shows them in their own section.
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/perf')

def summaries = [:]
new File(out, 'tracked').eachDir { dir ->
    def text = new File(dir, 'summary.json').text
    def test = (text =~ /"scenario" : "([^"]+)"/)[0][1]
    assert !summaries.containsKey(test) : "one run per class, but two of " + test
    summaries[test] = text
}
assert summaries.keySet() == ['CatalogueTest', 'OrdersTest', 'payments', 'SlowSearchTest', 'CheckoutIT'] as Set : summaries.keySet()

def count = { String test, String op ->
    def m = summaries[test] =~ ('"name" : "' + op + '",\\s*"count" : (\\d+)')
    assert m.find() : op + " in " + test
    m.group(1) as long
}
assert count('CatalogueTest', 'read-customer') == 30
assert count('CatalogueTest', 'create-customer') == 12
assert count('CatalogueTest', 'createsCustomers') == 1
assert count('OrdersTest', 'price-order') == 200
assert count('OrdersTest', 'ALL') == 200
assert count('payments', 'charge') == 30
assert count('CheckoutIT', 'checkout') == 15
assert summaries['SlowSearchTest'].contains('"verdict" : "failed"')
assert summaries['CatalogueTest'].contains('"verdict" : "passed"')

// the breach failed the test, in Surefire's report, with what was measured
def report = new File(basedir, 'target/surefire-reports/TEST-it.SlowSearchTest.xml').text
assert report.contains('SlowSearchTest.search broke a performance threshold')
assert report =~ /search\.p95 &lt;= 1ms  \(measured \d+\.\d+ms\)/
assert report.contains('tests="1"') && report.contains('failures="1"') : "the test failed, and the class not again"

// both forks and Failsafe recorded into the history perf:report read back: the index lists all five
def index = new File(out, 'index.html').text
assert index.contains('<h2>Tracked tests</h2>')
for (test in summaries.keySet()) {
    assert index.contains('<td>' + test + '</td>') : test
}
assert index =~ /<td>OrdersTest<\/td>\s*<td class="passed"><a href="[^"]+">passed<\/a><\/td>\s*<td class="num">200<\/td>/
assert log.contains('[perf] CheckoutIT: passed')
return true
