# Fails when a user-visible string in the GUI sources has no German translation: runs lupdate
# over the sources into a copy of the catalog and looks for unfinished entries.
# -DLUPDATE=... -DTS=... -DSOURCES=dir1;dir2 -DWORK=...
file(MAKE_DIRECTORY ${WORK})
file(COPY ${TS} DESTINATION ${WORK})
get_filename_component(name ${TS} NAME)
set(copy ${WORK}/${name})
string(REPLACE "|" ";" dirs "${SOURCES}")
execute_process(COMMAND ${LUPDATE} -no-obsolete -locations none ${dirs} -ts ${copy}
                RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed: ${errors}")
endif()
file(STRINGS ${copy} unfinished REGEX "type=\"unfinished\"")
list(LENGTH unfinished count)
if(count GREATER 0)
    # Name them: the <source> line before each unfinished translation.
    file(STRINGS ${copy} lines)
    set(previous "")
    set(names "")
    foreach(line IN LISTS lines)
        if(line MATCHES "type=\"unfinished\"")
            string(APPEND names "\n  ${previous}")
        elseif(line MATCHES "<source>")
            set(previous "${line}")
        endif()
    endforeach()
    message(FATAL_ERROR "${count} strings have no German translation in ${name}:${names}\nRun "
                        "`cmake --build build --target update_translations` and translate them")
endif()
message(STATUS "every string of the GUI has a German translation")
