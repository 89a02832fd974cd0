package colophon.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Word lists for deterministic, plausible book titles, people and series. */
final class Names {

    private Names() {
    }

    static final String[] FIRST = {
        "Ada", "Alan", "Alice", "Amara", "Anders", "Andrea", "Anna", "Arthur", "Astrid", "Beatrix", "Ben", "Bianca",
        "Boris", "Camille", "Carlos", "Celia", "Chen", "Clara", "Colin", "Dagny", "Daniel", "Dara", "David", "Delia",
        "Dmitri", "Edith", "Elena", "Elif", "Eliot", "Emil", "Emma", "Erik", "Esther", "Ezra", "Farah", "Felix",
        "Fiona", "Frances", "Gabriel", "Greta", "Hana", "Hannah", "Harold", "Hector", "Helen", "Henrik", "Hugo",
        "Ida", "Imogen", "Ines", "Ingrid", "Isaac", "Ivan", "Jamal", "Jane", "Javier", "Jonas", "Josef", "Julia",
        "Kai", "Karin", "Kenji", "Kofi", "Lara", "Laszlo", "Lena", "Leo", "Lila", "Linnea", "Lucia", "Magnus",
        "Maia", "Malik", "Marcel", "Margit", "Maria", "Marta", "Mateo", "Mei", "Miriam", "Nadia", "Naomi", "Nils",
        "Nora", "Olga", "Oscar", "Otto", "Paloma", "Pavel", "Petra", "Priya", "Quentin", "Rafael", "Rania", "Rosa",
        "Ruth", "Samir", "Sara", "Selma", "Sofia", "Stellan", "Tariq", "Tessa", "Theo", "Tomas", "Ulla", "Valeria",
        "Vera", "Viktor", "Wanda", "Yara", "Yusuf", "Zadie", "Zofia", "Agnès", "Björn", "Zoë", "Søren", "Łucja",
    };

    static final String[] LAST = {
        "Abbott", "Adeyemi", "Alvarez", "Andersson", "Arden", "Ashby", "Bachmann", "Baker", "Barros", "Bauer",
        "Bell", "Bergström", "Blackwood", "Bloom", "Brandt", "Calloway", "Castillo", "Chandra", "Cho", "Clarke",
        "Conti", "Cooper", "Costa", "Dahl", "Delacroix", "Dimitrov", "Drake", "Dunmore", "Eckert", "Ellison",
        "Engel", "Falk", "Farrow", "Fischer", "Fontaine", "Frost", "Garrison", "Gilbert", "Greenberg", "Gunnarsson",
        "Haddad", "Halvorsen", "Hart", "Hayes", "Holm", "Hughes", "Ibsen", "Ishikawa", "Jansen", "Jovanović",
        "Kaplan", "Keller", "Kim", "Kowalski", "Kruger", "Lambert", "Larsen", "Lindqvist", "Lopez", "Lund",
        "Marsh", "Martel", "Mendes", "Meyer", "Moreau", "Morrow", "Nakamura", "Nash", "Nilsson", "Novak", "Oakley",
        "Okafor", "Olsen", "Ortega", "Park", "Pereira", "Petrov", "Pike", "Quinn", "Ramos", "Reyes", "Richter",
        "Rivera", "Rossi", "Russo", "Sandoval", "Santos", "Schulz", "Sinclair", "Singh", "Sokolov", "Stone",
        "Strand", "Suzuki", "Tanaka", "Thorne", "Torres", "Underwood", "Vance", "Varga", "Vasquez", "Voss", "Wagner",
        "Walsh", "Weber", "Whitlock", "Winter", "Wolfe", "Wright", "Yamada", "Young", "Zeller", "Zhang", "Zimmer",
        "Ågren", "Müller", "Núñez", "O'Brien", "Østergaard",
    };

    static final String[] ADJ = {
        "Amber", "Ancient", "Ashen", "Autumn", "Bitter", "Black", "Blue", "Bright", "Broken", "Burning", "Clockwork",
        "Cold", "Crimson", "Crooked", "Dark", "Deep", "Distant", "Drowned", "Dusty", "Electric", "Empty", "Endless",
        "Fallen", "Far", "Fading", "Forgotten", "Frozen", "Gilded", "Glass", "Golden", "Gray", "Green", "Hidden",
        "Hollow", "Iron", "Ivory", "Last", "Lesser", "Little", "Lonely", "Lost", "Loud", "Midnight", "Northern",
        "Old", "Pale", "Paper", "Quiet", "Restless", "Red", "Rising", "Salt", "Scarlet", "Secret", "Shattered",
        "Silent", "Silver", "Sleeping", "Small", "Southern", "Stolen", "Strange", "Sunken", "Tangled", "Thin",
        "Twelfth", "Unseen", "Velvet", "Violet", "Wandering", "Western", "White", "Wild", "Winter", "Wooden",
        "Yellow", "Hungry", "Patient", "Borrowed", "Careless", "Final", "Hundredth", "Infinite", "Luminous",
    };

    static final String[] NOUN = {
        "Abbey", "Almanac", "Anchor", "Archive", "Atlas", "Bargain", "Bell", "Bird", "Bridge", "Candle", "Canyon",
        "Captain", "Cartographer", "Castle", "Cathedral", "Cellar", "Circus", "City", "Clock", "Coast", "Compass",
        "Crown", "Dagger", "Daughter", "Desert", "Door", "Dream", "Echo", "Empire", "Engine", "Feather", "Ferry",
        "Field", "Fire", "Forest", "Fortune", "Fountain", "Garden", "Gate", "Ghost", "Glacier", "Harbor", "Harvest",
        "Heir", "Hill", "Horizon", "Hour", "House", "Island", "Journey", "Key", "King", "Kingdom", "Labyrinth",
        "Lake", "Lamp", "Lantern", "Letter", "Library", "Lighthouse", "Machine", "Map", "Mask", "Meadow", "Mirror",
        "Moon", "Mountain", "Night", "Oath", "Ocean", "Orchard", "Painter", "Palace", "Pilgrim", "Prophet", "Queen",
        "Rain", "River", "Road", "Rose", "Sailor", "Season", "Shadow", "Ship", "Shore", "Signal", "Sister", "Sky",
        "Song", "Sparrow", "Spring", "Star", "Stone", "Storm", "Stranger", "Summer", "Sun", "Sword", "Tide",
        "Tower", "Traveler", "Tree", "Valley", "Village", "Voyage", "Watchmaker", "Water", "Wind", "Window",
        "Winter", "Witness", "Wolf", "World", "Year", "Orchid", "Cipher", "Comet", "Drum", "Falcon", "Heron",
    };

    static final String[] PLACES = {
        "Aldermoor", "Brightwater", "Calder", "Dunhollow", "Elsinore", "Farrowdale", "Glimmerhaven", "Harrowgate",
        "Ironhold", "Juniper Bay", "Kestrel Point", "Lowmarsh", "Mirefield", "Northmere", "Oakhaven", "Pellmont",
        "Quarry Hill", "Ravenscar", "Saltmarsh", "Thornbury", "Umberlee", "Valewood", "Westreach", "Yarrow",
    };

    static String person(Random r) {
        String first = pick(r, FIRST);
        String last = pick(r, LAST);
        // a third of the people carry a middle initial: many more distinct names, as in a real catalogue
        return r.nextInt(3) == 0 ? first + " " + (char) ('A' + r.nextInt(26)) + ". " + last : first + " " + last;
    }

    static String title(Random r) {
        return switch (r.nextInt(8)) {
            case 0, 1 -> "The " + pick(r, ADJ) + " " + pick(r, NOUN);
            case 2 -> pick(r, ADJ) + " " + pick(r, NOUN);
            case 3 -> "The " + pick(r, NOUN) + " of " + pick(r, PLACES);
            case 4 -> "The " + pick(r, NOUN) + "'s " + pick(r, NOUN);
            case 5 -> article(pick(r, NOUN)) + " for the " + pick(r, ADJ) + " " + pick(r, NOUN);
            case 6 -> pick(r, NOUN) + " and " + pick(r, NOUN);
            default -> "The " + pick(r, ADJ) + " " + pick(r, NOUN) + " of " + pick(r, PLACES);
        };
    }

    private static String article(String noun) {
        return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "An " : "A ") + noun;
    }

    static String series(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> "The " + pick(r, NOUN) + " Chronicles";
            case 1 -> pick(r, PLACES) + " Saga";
            case 2 -> "The " + pick(r, ADJ) + " " + pick(r, NOUN) + " Cycle";
            case 3 -> pick(r, NOUN) + " Trilogy";
            default -> "Tales of " + pick(r, PLACES);
        };
    }

    static String comicSeries(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "Captain " + pick(r, NOUN);
            case 1 -> "Amazing " + pick(r, NOUN) + " Tales";
            case 2 -> "The " + pick(r, ADJ) + " " + pick(r, NOUN);
            default -> pick(r, PLACES) + " Adventures";
        };
    }

    /** {@code n} distinct people. */
    static List<String> people(Random r, int n) {
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < n) {
            out.add(person(r));
        }
        return new ArrayList<>(out);
    }

    static String pick(Random r, String[] words) {
        return words[r.nextInt(words.length)];
    }
}
