package io.tenantry.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.contracts.privacy.DataSubject;
import io.tenantry.contracts.privacy.PersonalData;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalDataModelTest {

    record Address(String street, String city) {}

    record Person(
            @DataSubject String email,
            @PersonalData String name,
            @PersonalData Address home,
            String role) {}

    record Team(String name, List<Person> members, Person lead) {}

    record Orphan(String id, @PersonalData String phone) {}

    record TwoSubjects(
            @DataSubject String email, @DataSubject String otherEmail) {}

    record NumericSubject(@DataSubject Long email) {}

    @Test
    void findsTheSubjectAndThePersonalComponents() {
        PersonalDataModel model = PersonalDataModel.of(Person.class);

        assertThat(model.subject()).isEqualTo("email");
        assertThat(model.personal()).containsExactly("name", "home");
        assertThat(model.nested()).isEmpty();
    }

    @Test
    void findsPersonalDataInNestedRecordsAndCollections() {
        PersonalDataModel model = PersonalDataModel.of(Team.class);

        assertThat(model.subject()).isNull();
        assertThat(model.nested()).containsOnlyKeys("members", "lead");
        assertThat(model.nested().get("members").subject()).isEqualTo("email");
    }

    @Test
    void seesTheTenantContactsOfTenantCreated() {
        PersonalDataModel model = PersonalDataModel.of(TenantCreatedEvent.class);

        assertThat(model.nested()).containsOnlyKeys("contacts");
        assertThat(model.nested().get("contacts").personal()).containsExactly("name", "phone");
    }

    @Test
    void knowsTypesWithoutPersonalData() {
        assertThat(PersonalDataModel.of(Address.class).isEmpty()).isTrue();
        assertThat(PersonalDataModel.of(String.class).isEmpty()).isTrue();
    }

    @Test
    void refusesPersonalDataWithoutASubject() {
        assertThatThrownBy(() -> PersonalDataModel.of(Orphan.class)).hasMessageContaining("no @DataSubject");
    }

    @Test
    void refusesTwoSubjectsOrANonTextSubject() {
        assertThatThrownBy(() -> PersonalDataModel.of(TwoSubjects.class)).hasMessageContaining("two @DataSubject");
        assertThatThrownBy(() -> PersonalDataModel.of(NumericSubject.class)).hasMessageContaining("must be the e-mail");
    }
}
