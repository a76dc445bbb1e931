package dev.alfred.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cells as CSV text and as Sheets values; CSV quoting. */
class CellsTest {

    @Test
    void dates_are_iso_or_sheets_serials() {
        assertThat(Cells.date("d", "2026-03-31")).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(Cells.date("d", new BigDecimal("46112"))).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(Cells.date("d", "46112")).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(Cells.date("d", "")).isNull();
        assertThatThrownBy(() -> Cells.date("start_date", "31/03/2026"))
                .hasMessageContaining("start_date '31/03/2026' is not a date");
    }

    @Test
    void numbers_booleans_and_missing_values() {
        assertThat(Cells.decimal("amount", "1,200.50")).isEqualByComparingTo("1200.50");
        assertThat(Cells.bool("f", "TRUE")).isTrue();
        assertThat(Cells.bool("f", Boolean.FALSE)).isFalse();
        assertThatThrownBy(() -> Cells.bool("discount_forever", "yes")).hasMessageContaining("not true or false");
        assertThatThrownBy(() -> Cells.requiredText("customer_id", " ")).hasMessage("customer_id is missing");
    }

    @Test
    void csv_fields_may_be_quoted() {
        assertThat(CsvReader.read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n"))
                .containsExactly(List.of("a", "b"), List.of("x, y", "say \"hi\""));
    }

    @Test
    void a_tab_without_a_required_column_is_refused_and_bad_rows_are_reported() {
        assertThatThrownBy(() -> TabParser.parse(Tab.EXPENSES, CsvReader.read("date,amount\n2026-01-01,5\n")))
                .hasMessageContaining("expenses: missing column category");
        ParsedTab parsed = TabParser.parse(
                Tab.EXPENSES, CsvReader.read("amount,category,date\n5,sales,2026-01-01\n5,travel,2026-01-02\n\n"));
        assertThat(parsed.rows()).hasSize(1);
        assertThat(parsed.errors())
                .containsExactly(
                        new SyncError("expenses", 3, "category 'travel' is not sales, marketing, cogs or other"));
    }
}
