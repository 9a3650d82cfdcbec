package org.tezuo.core.rules;

import java.util.List;

/**
 * Expressions that try to escape the rule language: class access, static initialisers, System/Runtime/Thread,
 * reflection, huge allocations, loops and recursion. Every one must be rejected before it runs, by the ruleset
 * editor, the bundle importer and the evaluator alike.
 */
final class HostileRuleCorpus {

    static final List<String> EXPRESSIONS = List.of(
            // Class access and process control
            "System.exit(0)",
            "Runtime.getRuntime()",
            "Runtime.getRuntime().exec('rm -rf /')",
            "java.lang.System.exit(0)",
            "java.lang.Runtime.getRuntime().halt(1)",
            "System.getProperty('user.home')",
            "System.getenv('PATH')",
            "ProcessBuilder('ls').start()",
            "Class.forName('java.lang.Runtime')",
            "T(java.lang.Runtime).getRuntime()",
            "Math.pow(10, 100000)",
            "String.valueOf(1)",
            "Integer.MAX_VALUE + 1",
            // Threads
            "Thread.sleep(100000)",
            "Thread.currentThread().stop()",
            "Executors.newFixedThreadPool(1000)",
            // Reflection
            "''.getClass().forName('java.lang.Runtime')",
            "level.getClass()",
            "level.getClass().getClassLoader()",
            "weather.getClass().getMethods()",
            "x.class",
            "abs(1).class",
            "weather.toString()",
            "level.hashCode()",
            "weather.wait()",
            "weather.notifyAll()",
            // Construction and static initialisers
            "new java.io.File('/')",
            "new Object() { static { System.exit(0); } }",
            "new int[1000000000]",
            "new java.util.ArrayList(2147483647)",
            "new String(new char[1000000000])",
            // Huge collections and literals
            "[1, 2, 3]",
            "{'a': 1}",
            "tags[0]",
            "1L",
            "0x7FFFFFFF",
            "1e999999999",
            // Loops and recursion
            "while(true){}",
            "for (i = 0; i < 3; i++) {}",
            "foreach (t : tags) { t }",
            "do { x } while (true)",
            "until (x) { }",
            "def f(){ f() }; f()",
            "function f() { f() }",
            // Assignments and statements
            "x = 1",
            "x += 1",
            "level = 0",
            "x == 1; System.exit(0)",
            "with (x) { y = 1 }",
            // Imports and keywords
            "import java.lang.Runtime",
            "import static java.lang.System.exit",
            "this",
            "empty",
            "x instanceof String",
            "(tags in x)",
            // Characters and escapes outside the grammar
            "@foo",
            "$x",
            "`ls`",
            "#{x}",
            "x ~= 'a.*'",
            "'\\u0041'",
            "level > 1 ? System.exit(0) : 0",
            // Unknown functions and variables
            "exec('ls')",
            "eval('System.exit(0)')",
            "unknown > 1",
            "(x).y");

    private HostileRuleCorpus() {
    }
}
