package org.emoaudionet.stack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The pages of MLflow's and Temporal's web UIs that BrowserUiIT opens, each checked on what a
 * person would see once it has rendered (text, drawn charts, decoded images), then saved as a
 * screenshot. The selectors are the UIs' own accessible names and component ids, not layout.
 */
final class UiPages {
  /** Single-page apps on two busy cores: the first page also loads the whole bundle. */
  static final Duration RENDER = Duration.ofSeconds(Long.getLong("emo.browser.timeout-s", 90));

  private final HeadlessChromium b;
  private boolean modelTraining;

  UiPages(HeadlessChromium b) {
    this.b = b;
  }

  /**
   * The run's Model metrics tab, filtered to the loss charts: both curves drawn by plotly (a
   * trace with a line path in each chart), the run named in the page header.
   */
  void mlflowRunCharts(String mlflow, String exp, String runId, String runName)
      throws IOException {
    openMlflow(mlflow + "/#/experiments/" + exp + "/runs/" + runId + "/model-metrics");
    // The charts are drawn as they scroll into view: the search box brings the loss ones up.
    waitForText("the run's metric charts", runName, "Model metrics");
    WebElement search = b.await(RENDER, "the chart search box", d -> d.findElements(
        By.cssSelector("input[placeholder='Search metric charts']")).stream().findFirst()
        .orElse(null));
    search.sendKeys("loss");
    waitForText("the loss charts", "train_loss", "val_loss");
    // Exactly the two loss charts are left, each with a drawn line (plotly's trace path).
    b.await(RENDER, "two loss charts drawn", d -> (Boolean) b.js("""
        const plots = [...document.querySelectorAll('.js-plotly-plot')];
        return plots.length === 2 && plots.every(p =>
            p.querySelector('.scatterlayer .trace path.js-line, .scatterlayer .trace .point'));
        """));
    String text = b.text();
    assertTrue(text.contains("train_loss") && text.contains("val_loss"), text);
    assertTrue(!text.contains("test_accuracy"), "the filter left only the loss charts: " + text);
    b.screenshot("mlflow-run");
    search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
  }

  /**
   * A PNG artifact of the run (learning curves, confusion matrix) opened in the Artifacts tab:
   * the image element is there and the browser decoded it at the artifact's real size.
   */
  void mlflowArtifactImage(String mlflow, String exp, String runId, String file, int width,
      int height, String screenshot) throws IOException {
    openMlflow(mlflow + "/#/experiments/" + exp + "/runs/" + runId + "/artifacts");
    // Clicked in the artifact tree, as a person picks it (the page keeps its first selection
    // when only the address changes).
    WebElement entry = b.await(RENDER, file + " in the artifact tree", d -> d.findElements(
        By.xpath("//*[normalize-space(text())='" + file + "']")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
    entry.click();
    waitForText("the artifact " + file, "Path: mlflow-artifacts:/" + exp + "/" + runId
        + "/artifacts/" + file);
    // Decoded at the artifact's own size: the element's alt changes before its picture does,
    // so the previous file's image may still be there for a moment.
    List<Long> want = List.of((long) width, (long) height);
    b.await(RENDER, file + " decoded at " + width + "x" + height, d -> want.equals(b.js("""
        const img = document.querySelector("img[alt='" + arguments[0] + "']");
        return img && img.complete && img.naturalWidth > 0
            ? [img.naturalWidth, img.naturalHeight] : null;
        """, file)) ? true : null);
    if (screenshot != null) b.screenshot(screenshot);
  }

  /**
   * The experiment's Models tab: the run's logged model, READY, linked to its registered model
   * version; then its own page (clicked, as a person gets there) with metrics and the version.
   */
  void mlflowLoggedModel(String mlflow, String exp, String runName, String registered)
      throws IOException {
    openMlflow(mlflow + "/#/experiments/" + exp + "/models");
    waitForText("the Models tab", "model", "Ready", runName, registered);
    b.screenshot("mlflow-models-list");
    WebElement link = b.await(RENDER, "the logged model's link", d -> d.findElements(
        By.cssSelector("a[href*='/models/m-']")).stream().findFirst().orElse(null));
    link.click();
    waitForText("the logged model's page", "About this logged model", "Ready", "Model ID",
        runName, registered, "test_accuracy");
    b.screenshot("mlflow-models");
  }

  /** The registered model's page: version 1 with the alias {@code alias} on it. */
  void mlflowRegisteredModel(String mlflow, String name, String alias) throws IOException {
    openMlflow(mlflow + "/#/models/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    waitForText("the registered model", name, "Version 1", "Aliases", alias);
    // The alias is a tag in the version's row, not just the word somewhere on the page.
    String row = (String) b.await(RENDER, "the alias in version 1's row", d -> b.js("""
        const row = [...document.querySelectorAll('tr, [role=row]')]
            .find(r => r.innerText.includes('Version 1'));
        return row && row.innerText.includes(arguments[0]) ? row.innerText : null;
        """, alias));
    assertTrue(row.contains("@") || row.contains(alias), row);
    b.screenshot("mlflow-registered-model");
  }

  /**
   * Temporal's UI: the workflow in the namespace's list (clicked), its page Completed with the
   * workflow type, and in its event history each activity scheduled and as many completed.
   * Returns the activity types scheduled, in the order of the history (newest first).
   */
  List<String> temporalWorkflow(String ui, String namespace, String workflowId, String type,
      List<String> activities) throws IOException {
    b.driver().get(ui + "/namespaces/" + namespace + "/workflows");
    waitForText("the workflow list", workflowId, "Completed", type);
    WebElement link = b.await(RENDER, "the workflow's link", d -> d.findElements(
        By.xpath("//a[normalize-space(.)='" + workflowId + "']")).stream().findFirst()
        .orElse(null));
    link.click();
    // Each event row reads "Activity Task Scheduled ... Activity Type <name>".
    Pattern scheduled = Pattern.compile("Activity Type\\s+(\\w+)");
    List<String> types = b.await(RENDER, "the activities " + activities + " in the history", d -> {
      String t = b.text();
      if (!t.contains(workflowId) || !t.contains(type) || !t.contains("Event History")
          || !t.contains("Workflow Execution Completed")) {
        return null;
      }
      List<String> seen = new ArrayList<>();
      for (Matcher m = scheduled.matcher(t); m.find(); ) seen.add(m.group(1));
      return seen.containsAll(activities) ? seen : null;
    });
    String t = b.text();
    assertEquals(types.size(), count(t, "Activity Task Completed"),
        "every activity scheduled completed: " + types);
    assertEquals(types.size(), count(t, "Activity Task Started"), "started: " + types);
    // A taller window: the workflow's summary and the history's timeline in one picture.
    b.resize(HeadlessChromium.WIDTH, 1500);
    b.screenshot("temporal-workflow");
    b.resize(HeadlessChromium.WIDTH, HeadlessChromium.HEIGHT);
    return types;
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) n++;
    return n;
  }

  /**
   * Opens an MLflow page on the Model training side of MLflow 3's app (its GenAI/Model training
   * switch, kept by the browser once chosen, lands on the runs list: the page is opened again)
   * and without the assistant panel over a third of the page.
   */
  private void openMlflow(String url) {
    b.driver().get(url);
    b.await(RENDER, "MLflow's app", d -> !d.findElements(By.cssSelector("nav")).isEmpty());
    if (!modelTraining) {
      for (WebElement mode : b.driver().findElements(
          By.xpath("//div[@role='button'][.//span[normalize-space(.)='Model training']]"))) {
        if (mode.isDisplayed()) mode.click();
      }
      modelTraining = true;
      b.driver().get(url);
      b.await(RENDER, "MLflow's app", d -> !d.findElements(By.cssSelector("nav")).isEmpty());
    }
    for (WebElement close : b.driver().findElements(
        By.cssSelector("[data-component-id='mlflow.assistant.chat_panel.close']"))) {
      if (close.isDisplayed()) close.click();
    }
  }

  private void waitForText(String what, String... texts) {
    b.await(RENDER, what + " shows " + List.of(texts), d -> {
      String t = b.text();
      for (String s : texts) if (!t.contains(s)) return null;
      return t;
    });
  }
}
