package org.disputehub.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.disputehub.bench.driver.StepResult;

/** Latency (p50, p99; log scale) against the offered rate (log scale), one panel per configuration, Java2D. */
final class Chart {

    private static final int PANEL_W = 560;
    private static final int H = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final double X_MIN = 50;
    private static final double X_MAX = 4000;
    private static final double Y_MIN = 1;
    private static final double Y_MAX = 100_000;

    private Chart() {
    }

    static void draw(Path file, String label, List<StepResult> results) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> configs = results.stream().map(StepResult::config).distinct().toList();
        int panels = Math.max(1, configs.size());
        BufferedImage img = new BufferedImage(PANEL_W * panels, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), H);
        for (int p = 0; p < configs.size(); p++) {
            int ox = p * PANEL_W;
            String config = configs.get(p);
            axes(g, ox, label + " — " + config);
            series(g, ox, results, config, "hub", StepResult::p50, new Color(0x1f77b4), false);
            series(g, ox, results, config, "hub", StepResult::p99, new Color(0x1f77b4), true);
            series(g, ox, results, config, "bare", StepResult::p50, new Color(0x888888), false);
            series(g, ox, results, config, "bare", StepResult::p99, new Color(0x888888), true);
            legend(g, ox);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static void axes(Graphics2D g, int ox, String title) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, ox + LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawRect(ox + LEFT, TOP, PANEL_W - LEFT - RIGHT, H - TOP - BOTTOM);
        for (int r : new int[] {100, 200, 500, 1000, 2000}) {
            int x = x(ox, r);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, TOP, x, H - BOTTOM);
            g.setColor(Color.BLACK);
            g.drawString(Integer.toString(r), x - 12, H - BOTTOM + 15);
        }
        for (double v = Y_MIN; v <= Y_MAX; v *= 10) {
            int y = y(v);
            g.setColor(new Color(0xdddddd));
            g.drawLine(ox + LEFT, y, ox + PANEL_W - RIGHT, y);
            g.setColor(Color.BLACK);
            g.drawString(v >= 1000 ? (int) (v / 1000) + " s" : (int) v + " ms", ox + 8, y + 4);
        }
        g.drawString("offered rate (cases/s, log)", ox + LEFT + 150, H - 20);
    }

    private static void series(Graphics2D g, int ox, List<StepResult> results, String config, String target,
                               ToDoubleFunction<StepResult> f, Color c, boolean dashed) {
        g.setColor(c);
        g.setStroke(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(2f));
        int px = -1;
        int py = -1;
        for (StepResult r : results) {
            if (!r.config().equals(config) || !r.target().equals(target) || r.offeredRate() <= 0 || r.received() == 0
                    || r.label().equals("surge")) {
                continue;
            }
            int x = x(ox, r.offeredRate());
            int y = y(Math.max(Y_MIN, Math.min(Y_MAX, f.applyAsDouble(r))));
            g.fillOval(x - 3, y - 3, 6, 6);
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void legend(Graphics2D g, int ox) {
        String[] names = {"hub p50", "hub p99 (dashed)", "bare relay p50", "bare relay p99 (dashed)"};
        Color[] colors = {new Color(0x1f77b4), new Color(0x1f77b4), new Color(0x888888), new Color(0x888888)};
        for (int i = 0; i < names.length; i++) {
            g.setColor(colors[i]);
            g.fillRect(ox + LEFT + 10, TOP + 10 + i * 15, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(names[i], ox + LEFT + 25, TOP + 19 + i * 15);
        }
    }

    private static int x(int ox, double rate) {
        double w = PANEL_W - LEFT - RIGHT;
        return ox + LEFT + (int) (w * Math.log(rate / X_MIN) / Math.log(X_MAX / X_MIN));
    }

    private static int y(double ms) {
        double h = H - TOP - BOTTOM;
        return H - BOTTOM - (int) (h * Math.log(ms / Y_MIN) / Math.log(Y_MAX / Y_MIN));
    }
}
