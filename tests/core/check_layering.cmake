# Checks the layering rules of core/layers.cmake on the sources under ROOT (the project, or a
# fixture laid out like it): a core library includes only itself and the layers below it that
# the table allows, the views include no library the table keeps from them, and nothing under
# core/ includes a QtGui or QtWidgets header (the engine links Qt6::Core and Qt6::Qml only).
cmake_policy(SET CMP0057 NEW) # if(... IN_LIST ...)
include(${CMAKE_CURRENT_LIST_DIR}/../../core/layers.cmake)

set(offenders "")
function(check_folder folder allowed)
    file(GLOB_RECURSE sources "${ROOT}/${folder}/*.h" "${ROOT}/${folder}/*.cpp")
    foreach(source IN LISTS sources)
        file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"[a-z]+/")
        foreach(line IN LISTS includes)
            string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([a-z]+)/.*" "\\1" layer "${line}")
            if(layer IN_LIST CHRONOSCOPE_LAYERS AND NOT layer IN_LIST allowed)
                list(APPEND offenders "${source}: ${folder} may not include ${layer}: ${line}")
            endif()
        endforeach()
    endforeach()
    set(offenders "${offenders}" PARENT_SCOPE)
endfunction()

foreach(layer IN LISTS CHRONOSCOPE_LAYERS)
    set(allowed ${layer} ${CHRONOSCOPE_LAYER_${layer}})
    check_folder(core/${layer} "${allowed}")
endforeach()
check_folder(views "${CHRONOSCOPE_LAYER_views}")

# The log's SQL stays in the log: its connection, row and schema headers are included by core/log
# alone (and by the tests and the benchmarks' raw-SQLite baselines, which are not checked here).
file(GLOB_RECURSE outside "${ROOT}/core/*.h" "${ROOT}/core/*.cpp" "${ROOT}/views/*.h"
     "${ROOT}/views/*.cpp" "${ROOT}/app/cli/*.h" "${ROOT}/app/cli/*.cpp" "${ROOT}/app/gui/*.h"
     "${ROOT}/app/gui/*.cpp")
foreach(source IN LISTS outside)
    if(source MATCHES "/core/log/")
        continue()
    endif()
    file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](log/sqlite\\.h|log/eventrow\\.h|log/schema\\.h|sqlite3\\.h)")
    if(lines)
        list(APPEND offenders "${source}: only the log may include its SQL: ${lines}")
    endif()
endforeach()

file(GLOB_RECURSE engine "${ROOT}/core/*.h" "${ROOT}/core/*.cpp")
foreach(source IN LISTS engine)
    file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](QtGui|QtWidgets|QWidget|QPainter|QColor|QApplication|QGuiApplication|QPixmap|QImage|QIcon|QFont|QAction|QMainWindow|QPalette)")
    if(lines)
        list(APPEND offenders "${source}: the engine may not include the GUI: ${lines}")
    endif()
endforeach()

if(offenders)
    list(JOIN offenders "\n" text)
    message(FATAL_ERROR "Layering broken under ${ROOT}:\n${text}")
endif()
message(STATUS "layering holds under ${ROOT}")
