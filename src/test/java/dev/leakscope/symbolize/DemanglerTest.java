package dev.leakscope.symbolize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.symbolize.SymbolizeMode.Demangling;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;

/** pprof's demangling heuristics; expected values are what pprof's own Go functions return. */
class DemanglerTest {
    @Test
    void removeMatchingRemovesOutermostGroupsWithWhatTheyNest() {
        assertEquals("std::vector<int>::push_back", Demangler.removeMatching("std::vector<int>::push_back(int)", '(', ')'));
        assertEquals("std::vector::push_back(int)", Demangler.removeMatching("std::vector<int>::push_back(int)", '<', '>'));
        assertEquals("Outer::run(std::function)",
                Demangler.removeMatching("Outer<Inner<int> >::run(std::function<void ()>)", '<', '>'));
        assertEquals("Outer<Inner<int> >::run",
                Demangler.removeMatching("Outer<Inner<int> >::run(std::function<void ()>)", '(', ')'));
        assertEquals("aeg", Demangler.removeMatching("a<b<c>d>e<f>g", '<', '>'));
        assertEquals("Foo::operator", Demangler.removeMatching("Foo::operator()(int)", '(', ')'));
        assertEquals("::helper", Demangler.removeMatching("(anonymous namespace)::helper(int)", '(', ')'));
    }

    @Test
    void removeMatchingStopsAtAnEndWithoutStartAndKeepsAnUnclosedStart() {
        assertEquals("a>b<c>", Demangler.removeMatching("a>b<c>", '<', '>'));
        // groups before the stray end are already gone
        assertEquals("ac>d<e>", Demangler.removeMatching("a<b>c>d<e>", '<', '>'));
        assertEquals("a<b<c>", Demangler.removeMatching("a<b<c>", '<', '>'));
        assertEquals("xz<w", Demangler.removeMatching("x<y>z<w", '<', '>'));
        assertEquals(")(", Demangler.removeMatching(")(", '(', ')'));
        assertEquals("operator>", Demangler.removeMatching("operator>", '<', '>'));
    }

    @Test
    void looksLikeDemangledCPlusPlus() {
        assertTrue(Demangler.looksLikeDemangledCPlusPlus("std::operator<<(std::ostream&, int)"));
        assertTrue(Demangler.looksLikeDemangledCPlusPlus("a::b"));
        assertTrue(Demangler.looksLikeDemangledCPlusPlus("byte[]"));
        assertTrue(Demangler.looksLikeDemangledCPlusPlus("java.util.HashMap$Node[]"));
        assertTrue(Demangler.looksLikeDemangledCPlusPlus("main.Map[...].Get"));
        assertTrue(Demangler.looksLikeDemangledCPlusPlus("operator>"));
        assertTrue(Demangler.looksLikeDemangledCPlusPlus("a<b"));
        assertTrue(Demangler.looksLikeDemangledCPlusPlus("a[b"));
        assertTrue(Demangler.looksLikeDemangledCPlusPlus("a]b"));
        assertFalse(Demangler.looksLikeDemangledCPlusPlus("java.util.ArrayList.<init>"), "Java constructor");
        assertFalse(Demangler.looksLikeDemangledCPlusPlus("main.(*Cache[...]).Put"), "Go generic method");
        assertFalse(Demangler.looksLikeDemangledCPlusPlus("main.main"));
        assertFalse(Demangler.looksLikeDemangledCPlusPlus("Foo:bar"));
        assertFalse(Demangler.looksLikeDemangledCPlusPlus(""));
    }

    @Test
    void simplifyDropsWhatTheModeSays() {
        String name = "std::map<int, int>::operator[](int)";
        assertEquals("std::map::operator[]", Demangler.simplify(name, Demangling.DEFAULT));
        assertEquals("std::map<int, int>::operator[]", Demangler.simplify(name, Demangling.TEMPLATES));
        assertEquals(name, Demangler.simplify(name, Demangling.FULL));
        assertEquals(name, Demangler.simplify(name, Demangling.NONE));
        // "<<" is an unclosed group: kept
        assertEquals("std::operator<<", Demangler.simplify("std::operator<<(std::ostream&, int)", Demangling.DEFAULT));
        assertEquals("std::operator<< <std::char_traits<char> >", Demangler.simplify(
                "std::operator<< <std::char_traits<char> >(std::basic_ostream<char>&, char const*)", Demangling.DEFAULT));
        assertEquals("Foo::operator const", Demangler.simplify("Foo::operator<=>(Foo const&) const", Demangling.DEFAULT));
        assertEquals("<lambda>::operator", Demangler.simplify("<lambda()>::operator()", Demangling.TEMPLATES));
        // not C++: kept whole
        assertEquals("main.(*Cache[...]).Put", Demangler.simplify("main.(*Cache[...]).Put", Demangling.DEFAULT));
        assertEquals("java.util.ArrayList.<init>", Demangler.simplify("java.util.ArrayList.<init>", Demangling.DEFAULT));
        // mangled names are left alone (pprof would demangle this one to "foo::bar")
        assertEquals("_ZN3foo3barEv", Demangler.simplify("_ZN3foo3barEv", Demangling.DEFAULT));
    }

    /** A profile with one function per (name, system name) pair and nothing else. */
    private static Profile functions(String... nameAndSystem) {
        ProfileBuilder b = ProfileBuilder.withEmptyString();
        for (int i = 0; i < nameAndSystem.length; i += 2) {
            b.addFunction(i / 2 + 1, b.intern(nameAndSystem[i]), b.intern(nameAndSystem[i + 1]), 0, 0);
        }
        return b.build();
    }

    private static String names(Profile p) {
        StringBuilder s = new StringBuilder();
        for (int f = 0; f < p.functionCount(); f++) {
            s.append(f == 0 ? "" : "|").append(p.functionName(f));
        }
        return s.toString();
    }

    @Test
    void namesComeFromSystemNamesUnlessAlreadyDifferent() {
        Profile p = functions(
                "std::vector<int>::push_back(int)", "std::vector<int>::push_back(int)",
                "", "lambda::invoke(int)",
                "pretty", "ns::raw(int)",
                "ns::f(int)", "",
                "", "");
        assertEquals("std::vector::push_back|lambda::invoke|pretty|ns::f(int)|", names(Demangler.apply(p, false, Demangling.DEFAULT)));
        // force: a name and a system name both set means demangle the system name again
        assertEquals("std::vector::push_back|lambda::invoke|ns::raw|ns::f(int)|", names(Demangler.apply(p, true, Demangling.DEFAULT)));
        assertEquals("std::vector<int>::push_back|lambda::invoke|ns::raw|ns::f(int)|",
                names(Demangler.apply(p, true, Demangling.TEMPLATES)));
        // without simplification a nameless function still gets its system name
        assertEquals("std::vector<int>::push_back(int)|lambda::invoke(int)|pretty|ns::f(int)|",
                names(Demangler.apply(p, false, Demangling.NONE)));
        assertEquals("std::vector<int>::push_back(int)|lambda::invoke(int)|ns::raw(int)|ns::f(int)|",
                names(Demangler.apply(p, true, Demangling.FULL)));
    }

    @Test
    void aProfileWhoseNamesStayIsReturnedAsItIs() {
        Profile go = functions("main.main", "main.main", "main.(*Cache[...]).Put", "main.(*Cache[...]).Put",
                "main.Map[...].Get", "main.Map[...].Get", "java.util.ArrayList.<init>", "java.util.ArrayList.<init>",
                "pretty", "ns::raw(int)", "", "");
        assertSame(go, Demangler.apply(go, false, Demangling.DEFAULT));
        Profile cpp = functions("std::vector<int>::push_back(int)", "std::vector<int>::push_back(int)");
        assertSame(cpp, Demangler.apply(cpp, true, Demangling.NONE));
        Profile once = Demangler.apply(cpp, false, Demangling.DEFAULT);
        assertSame(once, Demangler.apply(once, false, Demangling.DEFAULT), "a second pass changes nothing");
    }

    @Test
    void newNamesAreInternedOnceAndExistingStringsReused() {
        Profile p = functions(
                "std::vector<int>::push_back(int)", "std::vector<int>::push_back(int)",
                "std::vector<long>::push_back(long)", "std::vector<long>::push_back(long)",
                "Outer<int>::run()", "Outer<int>::run()",
                "Outer::run", "Outer::run");
        Profile d = Demangler.apply(p, false, Demangling.DEFAULT);
        assertEquals("std::vector::push_back|std::vector::push_back|Outer::run|Outer::run", names(d));
        assertEquals(p.stringCount() + 1, d.stringCount(), "one new string: std::vector::push_back");
        assertEquals(d.fnName[0], d.fnName[1]);
        assertEquals(d.fnName[3], d.fnName[2]);
        Set<String> unique = new HashSet<>();
        for (int i = 0; i < d.stringCount(); i++) {
            assertTrue(unique.add(d.string(i)), "duplicate string " + d.string(i));
        }
        // the system names are untouched
        assertEquals("std::vector<long>::push_back(long)", d.functionSystemName(1));
    }
}
