// "/" puts the cursor in the reject panel's filter box straight away, in the browser: waiting for
// the server to move the focus would drop whatever the reviewer types in the meantime.
export function focusFilterOnSlash(root) {
    root.addEventListener("keydown", e => {
        if (e.key !== "/" || e.ctrlKey || e.altKey || e.metaKey) {
            return;
        }

        const box = root.querySelector(".pc-reason-filter");
        if (box && e.target !== box && e.target.tagName !== "TEXTAREA") {
            e.preventDefault();
            box.focus();
        }
    });
}
