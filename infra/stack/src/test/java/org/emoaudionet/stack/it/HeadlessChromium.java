package org.emoaudionet.stack.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its own chromedriver (both from
 * infra/scripts/setup-browser.sh): a fresh profile per instance, nothing downloaded (the driver
 * is named, so Selenium Manager never runs), screenshots of the viewport as PNG files.
 */
final class HeadlessChromium implements AutoCloseable {
  /** The viewport: wide enough for MLflow's side bar and a row of three charts. */
  static final int WIDTH = 1400;
  static final int HEIGHT = 1000;

  private final ChromeDriver driver;
  private final List<Path> screenshotDirs;

  private HeadlessChromium(ChromeDriver driver, List<Path> screenshotDirs) {
    this.driver = driver;
    this.screenshotDirs = screenshotDirs;
  }

  /** The browser and its driver: EMO_CHROMIUM / EMO_CHROMEDRIVER, else Debian's paths. */
  record Install(Path browser, Path driver) {
    static Install find() {
      return new Install(executable("EMO_CHROMIUM", "/usr/bin/chromium"),
          executable("EMO_CHROMEDRIVER", "/usr/bin/chromedriver"));
    }

    private static Path executable(String env, String fallback) {
      String p = System.getenv(env);
      return Path.of(p != null && !p.isBlank() ? p : fallback);
    }

    boolean present() {
      return Files.isExecutable(browser) && Files.isExecutable(driver);
    }
  }

  /** Like PlatformFixture.requireBuilt: skips, or under -Demo.it.required=true fails. */
  static Install require() {
    Install in = Install.find();
    String why = "no headless Chromium (" + in.browser() + ", " + in.driver()
        + "): run infra/scripts/setup-browser.sh (./emo test does)";
    if (Boolean.getBoolean("emo.it.required") && !in.present()) {
      throw new IllegalStateException(why);
    }
    assumeTrue(in.present(), why);
    return in;
  }

  /**
   * Starts the browser with a profile under {@code work}; screenshots go to every folder of
   * {@code screenshotDirs} (created when missing).
   */
  static HeadlessChromium start(Install in, Path work, List<Path> screenshotDirs)
      throws IOException {
    Path profile = Files.createDirectories(work.resolve("chromium-profile"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(in.driver().toFile())
        .usingAnyFreePort()
        .withLogFile(work.resolve("chromedriver.log").toFile())
        .build();
    ChromeOptions o = new ChromeOptions();
    o.setBinary(in.browser().toFile());
    // Headless on a machine without a display or a sandbox-capable kernel setup (root in a
    // container); no background traffic: nothing but the stack on 127.0.0.1 is reached.
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
        "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile);
    List<Path> dirs = new ArrayList<>();
    for (Path d : screenshotDirs) dirs.add(Files.createDirectories(d));
    return new HeadlessChromium(new ChromeDriver(service, o), dirs);
  }

  WebDriver driver() {
    return driver;
  }

  /** Waits up to {@code timeout} until {@code condition} returns non-null / true. */
  <T> T await(Duration timeout, String what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout).withMessage(what).until(condition::apply);
  }

  /** Runs a script in the page and returns its result. */
  Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** The page's visible text, as a person reads it. */
  String text() {
    return String.valueOf(js("return document.body ? document.body.innerText : ''"));
  }

  /** Resizes the window (the viewport follows, headless has no window frame). */
  void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  /** Saves the viewport as {@code name}.png in every screenshot folder; returns the first. */
  Path screenshot(String name) throws IOException {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Path first = null;
    for (Path d : screenshotDirs) {
      Path f = d.resolve(name + ".png");
      Files.write(f, png);
      if (first == null) first = f;
    }
    return first;
  }

  /** Saves the viewport as {@code dir/name.png} only (a failure's picture, not the README's). */
  Path screenshotIn(Path dir, String name) throws IOException {
    Path f = Files.createDirectories(dir).resolve(name + ".png");
    Files.write(f, driver.getScreenshotAs(OutputType.BYTES));
    return f;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
