package org.inferbench.bench.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.inferbench.bench.preflight.ExitCode;
import org.inferbench.bench.preflight.HarnessExit;
import org.inferbench.bench.state.Gateway;
import org.inferbench.config.Cell;
import org.inferbench.config.Defaults;
import org.inferbench.config.Environment;
import org.inferbench.config.Prompt;
import org.inferbench.record.ResultNames;
import org.openjdk.jmh.runner.options.Options;

/**
 * Turns {@code -p}, {@code -i} and {@code --smoke} into a {@link MatrixPlan}, refusing what JMH
 * would silently accept: a misspelled parameter name (JMH ignores it and runs everything) and an
 * unknown cell or prompt id or route (JMH would pass any string to the benchmark).
 */
public final class MatrixSelection {

    static final String CELL = ResultNames.CELL;
    static final String PROMPT = ResultNames.PROMPT;
    static final String ROUTE = ResultNames.ROUTE;
    private static final List<String> ROUTES = List.of(ResultNames.ROUTE_DIRECT, ResultNames.ROUTE_ROUTED);
    private static final Set<String> PARAMETERS = Set.of(CELL, PROMPT, ROUTE);

    private MatrixSelection() {
    }

    /**
     * The plan the user's options select.
     *
     * @param jmhArgs     the arguments JMH parsed into {@code cli}, for the parameter names it does not list
     * @param environment the host's, for the routes' default and the cells' gateways
     * @throws HarnessExit ({@link ExitCode#USAGE}) for an unknown parameter, cell, prompt or route, and for a routed
     *                     run of a cell that would run but has no gateway at all ({@link Gateway})
     */
    public static MatrixPlan select(List<Cell> cells, List<Prompt> prompts, Options cli, List<String> jmhArgs,
                                    boolean smoke, Environment environment) {
        for (String name : parameterNames(jmhArgs, cli)) {
            if (!PARAMETERS.contains(name)) {
                throw new HarnessExit(ExitCode.USAGE, "unknown parameter -p " + name + "; known: " + CELL + ", "
                        + PROMPT + ", " + ROUTE);
            }
        }
        MatrixPlan plan = selectCellsAndPrompts(cells, prompts, cli, smoke);
        List<String> routes = routes(cli, environment);
        Map<String, String> unroutable = new LinkedHashMap<>();
        if (routes.contains(ResultNames.ROUTE_ROUTED)) {
            // A cell that is not run at all (disabled, or its endpoint variable unset) needs no gateway.
            for (Cell cell : plan.cells().stream().filter(c -> c.enabled() && c.endpoint().isPresent()).toList()) {
                Gateway.Choice choice = Gateway.of(cell, environment);
                if (choice instanceof Gateway.Missing missing) {
                    throw new HarnessExit(ExitCode.USAGE, missing.reason());
                }
                if (choice instanceof Gateway.Unset unset) {
                    unroutable.put(cell.id().toString(), unset.reason());
                }
            }
        }
        return new MatrixPlan(plan.cells(), plan.prompts(), plan.warmCalls(), routes, unroutable);
    }

    /**
     * {@code -p route} as given (each value {@code direct} or {@code routed}, in the order given); without it, v1's
     * rule: {@code routed} when {@value Gateway#VARIABLE} is set, else {@code direct}.
     */
    private static List<String> routes(Options cli, Environment environment) {
        if (!cli.getParameter(ROUTE).hasValue()) {
            String gateway = environment.get(Gateway.VARIABLE);
            return List.of(gateway == null || gateway.isBlank() ? ResultNames.ROUTE_DIRECT : ResultNames.ROUTE_ROUTED);
        }
        List<String> routes = new ArrayList<>();
        for (String value : new LinkedHashSet<>(cli.getParameter(ROUTE).get())) {
            if (!ROUTES.contains(value)) {
                throw new HarnessExit(ExitCode.USAGE, "unknown route '" + value + "' (-p " + ROUTE + "); known: "
                        + String.join(", ", ROUTES));
            }
            routes.add(value);
        }
        return routes;
    }

    private static MatrixPlan selectCellsAndPrompts(List<Cell> cells, List<Prompt> prompts, Options cli,
                                                    boolean smoke) {
        // Without -p cell, every cell of the file: the disabled ones are planned, to be recorded as skipped.
        List<Cell> selectedCells = pick(CELL, cells, cell -> cell.id().toString(), cli);
        List<Prompt> selectedPrompts = pick(PROMPT, prompts, Prompt::id, cli);
        if (!smoke) {
            return new MatrixPlan(selectedCells, selectedPrompts,
                    cli.getMeasurementIterations().orElse(Defaults.WARM_CALLS));
        }
        Cell first = selectedCells.stream().filter(Cell::enabled).findFirst().orElseThrow(() -> new HarnessExit(
                ExitCode.USAGE, "--smoke: no enabled cell among " + ids(selectedCells, c -> c.id().toString())));
        Prompt easy = prompts.stream().filter(p -> p.id().equals(Defaults.SMOKE_PROMPT)).findFirst()
                .orElseThrow(() -> new HarnessExit(ExitCode.USAGE, "--smoke needs the prompt " + Defaults.SMOKE_PROMPT
                        + "; known: " + ids(prompts, Prompt::id)));
        return new MatrixPlan(List.of(first), List.of(easy), Defaults.SMOKE_WARM_CALLS);
    }

    /** The given values of one parameter, each a known id, in the order given; all items when not given. */
    private static <T> List<T> pick(String parameter, List<T> items, Function<T, String> id, Options cli) {
        if (!cli.getParameter(parameter).hasValue()) {
            return items;
        }
        List<T> picked = new ArrayList<>();
        for (String value : new LinkedHashSet<>(cli.getParameter(parameter).get())) {
            T item = items.stream().filter(i -> id.apply(i).equals(value)).findFirst().orElseThrow(() -> new HarnessExit(
                    ExitCode.USAGE, "unknown " + parameter + " '" + value + "'; known: " + ids(items, id)));
            picked.add(item);
        }
        return picked;
    }

    /**
     * The names given with {@code -p}. JMH's options do not list them, so the arguments are read
     * for {@code -p name=...} (or {@code -pname=...}), and a name counts when JMH holds a value for it.
     */
    static Set<String> parameterNames(List<String> jmhArgs, Options cli) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < jmhArgs.size(); i++) {
            String arg = jmhArgs.get(i);
            String assignment;
            if (arg.equals("-p") && i + 1 < jmhArgs.size()) {
                assignment = jmhArgs.get(i + 1);
            } else if (arg.startsWith("-p") && !arg.equals("-prof") && arg.length() > 2) {
                assignment = arg.substring(arg.charAt(2) == '=' ? 3 : 2);
            } else {
                continue;
            }
            int eq = assignment.indexOf('=');
            if (eq > 0 && cli.getParameter(assignment.substring(0, eq)).hasValue()) {
                names.add(assignment.substring(0, eq));
            }
        }
        return names;
    }

    private static <T> String ids(Collection<T> items, Function<T, String> id) {
        return String.join(", ", items.stream().map(id).toList());
    }
}
