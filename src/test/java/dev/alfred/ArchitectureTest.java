package dev.alfred;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of DESIGN.md, held by tests so that they do not erode. */
class ArchitectureTest {

    private static final JavaClasses ALFRED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.alfred");

    @Test
    void only_the_telegram_adapter_imports_the_telegram_sdk() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.alfred.channel.telegram..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.telegram..")
                .allowEmptyShould(true)
                .check(ALFRED);
    }

    @Test
    void only_the_slack_adapter_imports_the_slack_sdk() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.alfred.channel.slack..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.slack..")
                .allowEmptyShould(true)
                .check(ALFRED);
    }

    @Test
    void only_the_discord_adapter_imports_jda() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.alfred.channel.discord..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("net.dv8tion..")
                .allowEmptyShould(true)
                .check(ALFRED);
    }

    @Test
    void only_the_assistant_imports_spring_ai() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.alfred.assistant..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.ai..")
                .allowEmptyShould(true)
                .check(ALFRED);
    }

    @Test
    void http_annotations_stay_in_the_http_facing_packages() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.alfred.admin..", "dev.alfred.channel..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.micronaut.http..")
                .check(ALFRED);
    }

    @Test
    void feature_cores_do_not_depend_on_the_admin_api() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.alfred.admin..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.alfred.admin..")
                .check(ALFRED);
    }

    @Test
    void identity_does_not_depend_on_permissions() {
        noClasses()
                .that()
                .resideInAPackage("dev.alfred.identity..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.alfred.permission..")
                .check(ALFRED);
    }

    @Test
    void controllers_are_package_private() {
        classes()
                .that()
                .areAnnotatedWith(io.micronaut.http.annotation.Controller.class)
                .should()
                .notBePublic()
                .check(ALFRED);
    }

    @Test
    void no_grab_bag_class_names() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Manager")
                .orShould()
                .haveSimpleNameEndingWith("Helper")
                .orShould()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .check(ALFRED);
    }
}
