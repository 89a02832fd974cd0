package app.colophon.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The desktop application. */
public final class ColophonApp extends Application {

    public static void launchWindow(String[] args) {
        Application.launch(ColophonApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Colophon");
        stage.setScene(new Scene(new BorderPane(), 1100, 720));
        stage.show();
    }
}
