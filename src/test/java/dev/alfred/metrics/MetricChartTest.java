package dev.alfred.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** The history chart: one point per period with a value, rendered to a real PNG. */
class MetricChartTest {

    private static List<MetricPoint> points(int count, int missing) {
        List<MetricPoint> points = new ArrayList<>();
        YearMonth month = YearMonth.of(2025, 12);
        for (int i = 0; i < count; i++) {
            String period = month.plusMonths(i).toString();
            BigDecimal value = i < missing ? null : BigDecimal.valueOf(1000 + 50L * i);
            points.add(new MetricPoint(period, value, "computed", value, null, null, null, null, null));
        }
        return points;
    }

    @Test
    void twelve_periods_make_twelve_points_in_a_png() throws IOException {
        XYChart chart = MetricChart.chart(Metric.MRR, "USD", points(12, 0));
        assertThat(chart.getSeries("mrr").getXData()).hasSize(12);
        assertThat(chart.getSeries("mrr").getYData()[11]).isEqualTo(1550.0);
        byte[] png = MetricChart.png(chart);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(400);
    }

    @Test
    void periods_without_a_value_are_left_out() {
        XYChart chart = MetricChart.chart(Metric.ARPA, "EUR", points(12, 3));
        assertThat(chart.getSeries("arpa").getXData()).hasSize(9);
        assertThat(chart.getTitle()).isEqualTo("ARPA, 2025-12 to 2026-11");
    }
}
