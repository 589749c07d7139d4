package kz.hotline114.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

/**
 * No method in main code is longer than 80 lines: every module's sources parsed by the JDK's own compiler,
 * each method measured from its first line (annotations included) to its closing brace.
 */
class MethodLengthTest {

    static final int LIMIT = 80;
    static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../hotline-core/src/main/java"),
            Path.of("../pbx-config/src/main/java"), Path.of("../bench/src/main/java"));

    @Test
    void no_method_in_main_code_is_longer_than_80_lines() throws IOException {
        var files = new ArrayList<Path>();
        for (var root : SOURCES) {
            if (Files.isDirectory(root)) {
                try (var walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
                }
            }
        }
        assertThat(files).as("the sources of hotline-ui and hotline-core").hasSizeGreaterThan(100);
        var compiler = ToolProvider.getSystemJavaCompiler();
        try (var fm = compiler.getStandardFileManager(null, null, null)) {
            var task = (JavacTask) compiler.getTask(null, fm, d -> { }, List.of("-proc:none"), null,
                    fm.getJavaFileObjectsFromPaths(files));
            var positions = Trees.instance(task).getSourcePositions();
            var tooLong = new ArrayList<String>();
            int methods = 0;
            for (var unit : task.parse()) {
                methods += measure(unit, positions, tooLong);
            }
            assertThat(methods).as("methods measured").isGreaterThan(1000);
            assertThat(tooLong).as("methods longer than " + LIMIT + " lines").isEmpty();
        }
    }

    private static int measure(CompilationUnitTree unit, SourcePositions positions, List<String> tooLong) {
        int[] count = {0};
        new TreePathScanner<Void, Void>() {
            private String type = "";

            @Override
            public Void visitClass(ClassTree node, Void unused) {
                var outer = type;
                type = outer.isEmpty() ? node.getSimpleName().toString() : outer + "." + node.getSimpleName();
                super.visitClass(node, unused);
                type = outer;
                return null;
            }

            @Override
            public Void visitMethod(MethodTree node, Void unused) {
                if (node.getBody() != null) {
                    count[0]++;
                    var lines = unit.getLineMap();
                    long first = lines.getLineNumber(positions.getStartPosition(unit, node));
                    long last = lines.getLineNumber(positions.getEndPosition(unit, node));
                    if (last - first + 1 > LIMIT) {
                        tooLong.add(unit.getSourceFile().getName() + ": " + type + "." + node.getName() + " "
                                + (last - first + 1) + " lines");
                    }
                }
                return super.visitMethod(node, unused);
            }
        }.scan(unit, null);
        return count[0];
    }
}
