# actlab_refresh_desktop_caches(SHARE): the caches the desktop reads under SHARE (a prefix's share/),
# rebuilt by each tool this machine has: the MIME database (update-mime-database, shared-mime-info),
# the desktop entries' MIME types (update-desktop-database, desktop-file-utils) and the hicolor icon
# cache (gtk-update-icon-cache; -t as a prefix's hicolor has no index.theme of its own). A tool that
# is missing is skipped and said; one that fails is said, and installing (or uninstalling) goes on.

function(actlab_refresh_cache tool folder)
    if(NOT IS_DIRECTORY "${folder}")
        return()
    endif()
    find_program(tool_path ${tool} NO_CACHE)
    if(NOT tool_path)
        message(STATUS "No ${tool} here: ${folder} is not indexed (the desktop may need a new login to see it)")
        return()
    endif()
    execute_process(COMMAND ${tool_path} ${ARGN} "${folder}" RESULT_VARIABLE result OUTPUT_QUIET)
    if(result EQUAL 0)
        message(STATUS "Refreshed: ${tool} ${folder}")
    else()
        message(WARNING "${tool} ${folder} failed (${result}); the files are as they are all the same")
    endif()
endfunction()

function(actlab_refresh_desktop_caches share)
    actlab_refresh_cache(update-mime-database "${share}/mime")
    actlab_refresh_cache(update-desktop-database "${share}/applications" -q)
    actlab_refresh_cache(gtk-update-icon-cache "${share}/icons/hicolor" -q -t -f)
endfunction()
