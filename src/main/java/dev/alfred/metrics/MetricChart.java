package dev.alfred.metrics;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A metric's history as a PNG line chart, one point per period that has a value. */
final class MetricChart {

    private MetricChart() {}

    static XYChart chart(Metric metric, String unit, List<MetricPoint> points) {
        List<Date> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (MetricPoint point : points) {
            if (point.value() != null) {
                Period period = Period.parse(metric, point.period());
                x.add(Date.from(period.start().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
                y.add(point.value().doubleValue());
            }
        }
        XYChart chart = new XYChartBuilder()
                .width(800)
                .height(400)
                .title(metric.label() + ", " + points.getFirst().period() + " to "
                        + points.getLast().period())
                .yAxisTitle(
                        metric.unit() == Metric.Unit.MONEY
                                ? unit
                                : metric.unit().name().toLowerCase(Locale.ROOT))
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDatePattern(metric.quarterly() ? "yyyy-MM" : "MMM yy");
        chart.getStyler().setTimezone(TimeZone.getTimeZone("UTC"));
        if (!x.isEmpty()) {
            XYSeries series = chart.addSeries(metric.key(), x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
