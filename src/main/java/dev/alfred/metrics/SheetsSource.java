package dev.alfred.metrics;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.SheetsScopes;
import com.google.api.services.sheets.v4.model.BatchGetValuesResponse;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.alfred.problem.Problem;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the tabs of a spreadsheet through the Sheets API as the deployment's service account
 * ({@code alfred.sheets.credentials}, a JSON key file): OAuth 2 JWT grant at the key's
 * {@code token_uri}, then one {@code values:batchGet} with unformatted values and dates as serials.
 */
@Singleton
class SheetsSource {

    private final String credentialsFile;
    private final String apiUrl;
    private volatile @Nullable Client client;

    private record Client(Sheets sheets, String email) {}

    SheetsSource(
            @Value("${alfred.sheets.credentials:}") String credentialsFile,
            @Value("${alfred.sheets.api-url:`https://sheets.googleapis.com/`}") String apiUrl) {
        this.credentialsFile = credentialsFile.strip();
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    boolean configured() {
        return !credentialsFile.isEmpty();
    }

    /** The service account's e-mail, which tenants share their sheet with; empty when not configured. */
    Optional<String> accountEmail() {
        return configured() ? Optional.of(client().email()) : Optional.empty();
    }

    /** The cells of each tab, header first; {@code names} maps a tab to its name in the sheet. */
    Map<Tab, List<List<Object>>> read(String spreadsheetId, Map<Tab, String> names) throws IOException {
        List<Tab> tabs = List.copyOf(names.keySet());
        List<String> ranges = tabs.stream()
                .map(tab -> "'" + names.get(tab).replace("'", "''") + "'")
                .toList();
        BatchGetValuesResponse response = client().sheets()
                .spreadsheets()
                .values()
                .batchGet(spreadsheetId)
                .setRanges(ranges)
                .setValueRenderOption("UNFORMATTED_VALUE")
                .setDateTimeRenderOption("SERIAL_NUMBER")
                .execute();
        List<ValueRange> ranged = response.getValueRanges() == null ? List.of() : response.getValueRanges();
        if (ranged.size() != tabs.size()) {
            throw new IOException("asked for " + tabs.size() + " tabs, the Sheets API returned " + ranged.size());
        }
        Map<Tab, List<List<Object>>> cells = new EnumMap<>(Tab.class);
        for (int i = 0; i < tabs.size(); i++) {
            List<List<Object>> values = ranged.get(i).getValues();
            cells.put(tabs.get(i), values == null ? List.of() : new ArrayList<>(values));
        }
        return cells;
    }

    private Client client() {
        Client current = client;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (client == null) {
                client = connect();
            }
            return client;
        }
    }

    private Client connect() {
        if (!configured()) {
            throw Problem.invalid(
                    "Google Sheets is not configured: set ALFRED_SHEETS_CREDENTIALS to a service-account key file");
        }
        try (InputStream in = Files.newInputStream(Path.of(credentialsFile))) {
            GoogleCredentials credentials =
                    GoogleCredentials.fromStream(in).createScoped(List.of(SheetsScopes.SPREADSHEETS_READONLY));
            String email = credentials instanceof ServiceAccountCredentials account ? account.getClientEmail() : "";
            Sheets sheets = new Sheets.Builder(
                            new NetHttpTransport(),
                            GsonFactory.getDefaultInstance(),
                            new HttpCredentialsAdapter(credentials))
                    .setApplicationName("alfred-metrics")
                    .setRootUrl(apiUrl)
                    .build();
            return new Client(sheets, email);
        } catch (IOException e) {
            throw Problem.invalid("ALFRED_SHEETS_CREDENTIALS (" + credentialsFile
                    + ") is not a readable service-account key file: " + e.getMessage());
        }
    }
}
