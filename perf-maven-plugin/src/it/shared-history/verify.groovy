// every concurrent build succeeded: none lost its run to a colliding run id, or its results to another's temp file
['a', 'b'].each { project ->
    (1..3).each { n ->
        def nested = new File(basedir, "build-${project}${n}.log").text
        assert nested.contains('BUILD SUCCESS') : nested
        assert nested.contains('history: recorded in')
        assert !nested.contains('could not be recorded')
    }
}
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// perf:history: the six runs of checkout, 20 requests each, all in the shared history
assert log =~ /checkout\s+ALL\s+6\s+120\s/ : log
return true
