// SwiftPM drops pkg-config -D flags, so wide-character ncurses is enabled here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncurses.h>

// Macros and globals that don't import into Swift (or aren't concurrency-safe there).
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_bold(void) { return (int)A_BOLD; }
static inline int cn_underline(void) { return (int)A_UNDERLINE; }
static inline int cn_reverse(void) { return (int)A_REVERSE; }
static inline int cn_normal(void) { return (int)A_NORMAL; }
static inline int cn_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int cn_key_f(int n) { return KEY_F(n); }
// The mouse events the app asks for, and their bits (function-like macros in ncurses.h).
static inline mmask_t cn_mouse_events(void) { return BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline mmask_t cn_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cn_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cn_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int cn_key_mouse(void) { return KEY_MOUSE; }

// Used by the Terminal target (keys, attributes, stdio streams for newterm).
static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }
static inline attr_t cn_wa_bold(void) { return WA_BOLD; }
static inline attr_t cn_wa_underline(void) { return WA_UNDERLINE; }
static inline attr_t cn_wa_reverse(void) { return WA_REVERSE; }
static inline attr_t cn_wa_normal(void) { return WA_NORMAL; }
static inline FILE *cn_stdin(void) { return stdin; }
static inline FILE *cn_stdout(void) { return stdout; }
// wcwidth is only declared for XOPEN builds; declare it so Terminal can match ncurses' idea of width.
extern int wcwidth(wchar_t c);
static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }

// Asked before ncurses takes the screen over: whether terminfo knows `term` (NULL: $TERM) and it can address the
// cursor. 1 yes; 0 it can't (TERM=dumb: the app would draw one broken line); -1 terminfo doesn't know it.
#include <term.h>
static inline int cn_term_addresses_cursor(const char *term) {
    TERMINAL *current = cur_term;
    int error = 0;
    if (setupterm(term, 1, &error) != OK) { set_curterm(current); return -1; }
    const char *cup = tigetstr("cup");
    int can = cup != NULL && cup != (const char *)-1;
    del_curterm(cur_term);
    set_curterm(current);
    return can;
}
