package cn.landmarket.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

/** Executes the seed-data/*.sql files in name order, each in one transaction; the files are idempotent. */
public final class SeedData {

    private SeedData() {
    }

    /** Loads every .sql file of the directory; returns the files loaded (none when it does not exist). */
    public static List<Path> load(DataSource dataSource, Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(Files.readString(file));
                    connection.commit();
                } catch (SQLException | IOException e) {
                    connection.rollback();
                    throw new IllegalStateException("Seed file " + file + " failed: " + e.getMessage(), e);
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("No database connection for seed data: " + e.getMessage(), e);
            }
        }
        return files;
    }
}
