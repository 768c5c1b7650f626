package app.shutter.auth;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A new password: 8-72 bytes in UTF-8 (bcrypt's limit, never truncated) and not a common password. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPassword.Validator.class)
public @interface ValidPassword {

    String message() default "must be 8 to 72 bytes long";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidPassword, String> {
        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            if (password == null) {
                return true; // @NotNull reports it
            }
            PasswordPolicy.Verdict verdict = PasswordPolicy.judge(password);
            if (verdict == PasswordPolicy.Verdict.OK) {
                return true;
            }
            if (verdict == PasswordPolicy.Verdict.COMMON) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("is too common; choose a less guessable password")
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
