package dev.leakscope.bench;

import dev.leakscope.graph.Granularity;
import dev.leakscope.graph.Graph;
import dev.leakscope.graph.GraphBuilder;
import dev.leakscope.graph.GraphOptions;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.transform.Merger;
import dev.leakscope.profile.Profile;
import dev.leakscope.format.ProfileLoader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inner loops of a report on a generated profile (bench/jmh.sh generates the tiers): decoding
 * (gunzip included), merging, and aggregation into a function graph.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseSerialGC"})
public class PipelineBenchmark {
    @Param({"bench/out/M.cur.pb.gz"})
    public String file;

    private Profile profile;
    private NodeTable table;
    private final GraphOptions options = GraphOptions.of(Granularity.FUNCTIONS, false, 3);

    @Setup
    public void setup() {
        profile = decode();
        table = NodeTable.build(profile, options);
    }

    @Benchmark
    public Profile decode() {
        return ProfileLoader.load(InputSource.of(Path.of(file)), Limits.DEFAULT);
    }

    @Benchmark
    public Profile merge() {
        return Merger.merge(profile);
    }

    @Benchmark
    public NodeTable nodeTable() {
        return NodeTable.build(profile, options);
    }

    @Benchmark
    public Graph aggregate() {
        return GraphBuilder.build(profile, table, options, null, true);
    }
}
