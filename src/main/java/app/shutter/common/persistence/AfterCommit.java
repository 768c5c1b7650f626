package app.shutter.common.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work that must happen only if the current transaction commits (deleting files, waking a sender). */
@ApplicationScoped
public class AfterCommit {

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Runs the action after the current transaction commits; never if it rolls back. */
    public void run(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /** Like {@link #run}, once per transaction for the key: later calls with it in the same transaction add nothing. */
    public void once(Object key, Runnable action) {
        if (transactions.getResource(key) == null) {
            transactions.putResource(key, Boolean.TRUE);
            run(action);
        }
    }
}
