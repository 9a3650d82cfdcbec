package org.tezuo.benchmarks.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated user: after its start delay it runs {@link PermitScenario} again and again, pausing for the think
 * time between steps, until the run's end time or the run's iteration bound. A failed request ends the permit in
 * progress, and the user goes on with a new one.
 */
final class VirtualUser implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(VirtualUser.class);

    private final int number;
    private final PermitScenario scenario;
    private final LoadOptions options;
    private final Duration startDelay;
    private final Instant endOfRun;
    private final AtomicInteger iterations;
    private final Queue<Long> createdPermits;
    private final Queue<PermitScenario.Outcome> outcomes;

    VirtualUser(int number, PermitScenario scenario, LoadOptions options, Duration startDelay, Instant endOfRun,
            AtomicInteger iterations, Queue<Long> createdPermits, Queue<PermitScenario.Outcome> outcomes) {
        this.number = number;
        this.scenario = scenario;
        this.options = options;
        this.startDelay = startDelay;
        this.endOfRun = endOfRun;
        this.iterations = iterations;
        this.createdPermits = createdPermits;
        this.outcomes = outcomes;
    }

    @Override
    public void run() {
        try {
            Thread.sleep(startDelay);
            while (Instant.now().isBefore(endOfRun)) {
                int sequence = iterations.getAndIncrement();
                if (!options.allowsIteration(sequence)) {
                    return;
                }
                runOnce(sequence);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runOnce(int sequence) throws InterruptedException {
        try {
            outcomes.add(scenario.run(sequence, this::think, createdPermits::add));
        } catch (ApiClient.StepFailedException e) {
            log.warn("Virtual user {} abandoned permit {}: {}", number, sequence, e.getMessage());
            think();
        }
    }

    private void think() throws InterruptedException {
        long meanMillis = options.thinkTime().toMillis();
        if (meanMillis > 0) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(meanMillis / 2, meanMillis * 3 / 2 + 1));
        }
    }
}
