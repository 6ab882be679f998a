import groovy.json.JsonSlurper

def log = { String name -> new File(basedir, "${name}.log").text }
def exit = { String name -> new File(basedir, "${name}.exit").text.trim() as int }
def json = { File f -> new JsonSlurper().parse(f) }
def runOf = { String output -> json(new File(basedir, "${output}/summary.json")).runs[0] }

// each shard sent its half of the 300 arrivals, judged nothing and recorded nothing
(1..2).each { n ->
    assert exit("shard-${n}") == 0
    assert log("shard-${n}").contains("Shard ${n}/2 of run it-run-1")
    def shard = json(new File(basedir, "target/shard-${n}/" + runOf("target/shard-${n}").summary))
    assert shard.shard.index == n && shard.shard.count == 2 && shard.shard.runKey == 'it-run-1'
    assert shard.overall.count + shard.overall.dropped == 150
    assert shard.verdict == 'inconclusive'
}

assert exit('merge-missing') != 0
assert log('merge-missing').contains('shard 2/2 is missing (found 1)')
assert log('merge-missing').contains('perf.mergePartial=true')
assert exit('merge-twice') != 0
assert log('merge-twice').contains('shard 1/2 is there twice')

// the merge: one run of the whole load, judged, recorded once, reported as any run
assert exit('merge') == 0
assert log('merge').contains('Merging checkout: 2 of 2 shards of run it-run-1 (100/s for 3s)')
def merged = json(new File(basedir, 'target/perf/' + runOf('target/perf').summary))
assert merged.overall.count + merged.overall.dropped == 300
assert merged.merged.shards*.index == [1, 2] && !merged.merged.partial
assert merged.load.description == '100/s for 3s'
assert merged.thresholds.every { it.judged }
assert merged.verdict == 'passed'
assert new File(basedir, 'target/perf/junit.xml').text.contains('checkout')
def page = new File(basedir, "target/perf/${runOf('target/perf').runId}/index.html")
assert page.text.contains('<h2>Shards</h2>') && page.text.contains('Merged from 2 of 2 shards of run it-run-1')
assert page.text.contains("Merged from shards: each shard&#39;s machine and generator") || page.text.contains("Merged from shards: each shard's machine and generator")
// the refused merges recorded nothing: the history has the merged run alone
assert exit('history') == 0
assert log('history').readLines().any { it =~ /checkout\s+ALL\s+1\s/ }: log('history')

// a partial merge, asked for: marked, and it cannot pass
assert exit('merge-partial') == 0
assert log('merge-partial').contains('partial merge: 1 of 2 shards (missing 1/2')
def partial = json(new File(basedir, 'target/partial/' + runOf('target/partial').summary))
assert partial.merged.partial && partial.merged.missing == [1]
assert partial.verdict == 'inconclusive'
return true
