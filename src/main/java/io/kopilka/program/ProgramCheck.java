package io.kopilka.program;

import io.kopilka.shared.TenantId;
import java.util.List;

/**
 * A check of program settings that needs another module's data (a reward named by the settings must
 * be one of the tenant's). Modules above {@code program} provide them as beans; {@link Programs#replace}
 * runs them all after {@link ProgramValidation} and refuses the settings with every problem found.
 */
public interface ProgramCheck {

    List<ProgramValidation.Problem> check(TenantId tenant, Program settings);
}
