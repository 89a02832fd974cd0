package app.colophon.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications: information goes by itself, an error stays until the user closes it. ControlsFX counts the
 * notifications on screen across tests, so each test leaves none behind, closing them as a user would.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifierTest {

    private final Notifier notifier = new Notifier();

    @Start
    void start(Stage stage) {
        // what earlier UI tests in this JVM left on screen (errors stay until closed): closed as a user would
        javafx.stage.Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing()).toList()
                .forEach(w -> {
                    if (w.getScene().getRoot().lookup(".close-button") instanceof javafx.scene.control.ButtonBase b) {
                        b.fire();
                    }
                });
        stage.setScene(new Scene(new StackPane(), 800, 600));
        notifier.setOwner(stage);
        stage.show();
    }

    @Test
    @Order(1)
    void anErrorIsStillShowingAfterTenSecondsUntilTheUserClosesIt(FxRobot robot) throws Exception {
        robot.interact(() -> notifier.error("Library folder /media/usb is not available (unmounted?); nothing was changed"));

        WaitForAsyncUtils.sleep(10_500, TimeUnit.MILLISECONDS);
        Optional<PopupWindow> popup = popupShowing(robot, "/media/usb");
        assertThat(popup).isPresent();

        Node close = popup.get().getScene().getRoot().lookup(".close-button");
        robot.clickOn(close);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> popupShowing(robot, "/media/usb").isEmpty());
    }

    @Test
    @Order(2)
    void informationHidesByItself(FxRobot robot) throws Exception {
        robot.interact(() -> notifier.info("Metadata scanned"));
        assertThat(popupShowing(robot, "Metadata scanned")).isPresent();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> popupShowing(robot, "Metadata scanned").isEmpty());
    }

    @Test
    @Order(3)
    void manyAtOnceFoldIntoOneThatStillNamesTheErrors(FxRobot robot) throws Exception {
        robot.interact(() -> {
            notifier.error("First error");
            for (int i = 0; i < 6; i++) {
                notifier.info("Info " + i);
            }
        });

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> popupShowing(robot, "Errors: First error").isPresent());
        long showing = robot.listWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing()).count();
        assertThat(showing).isLessThanOrEqualTo(Notifier.MAX_STACKED);
        robot.clickOn(popupShowing(robot, "Errors: First error").orElseThrow().getScene().getRoot().lookup(".close-button"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> popupShowing(robot, "Errors: First error").isEmpty());
    }

    private static Optional<PopupWindow> popupShowing(FxRobot robot, String text) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.listWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                .map(w -> (PopupWindow) w).filter(w -> contains(w.getScene().getRoot(), text)).findFirst();
    }

    private static boolean contains(Node node, String text) {
        if (node instanceof Labeled l && l.getText() != null && l.getText().contains(text)) {
            return true;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                if (contains(child, text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
